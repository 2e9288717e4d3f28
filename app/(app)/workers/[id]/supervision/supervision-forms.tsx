"use client";
// The forms on the supervision page: record a session, delegate a task, and per task "reviewed today" and "end".
// On error each comes back with what was typed; on success the form starts empty again.
import { ErrorSummary } from "@/components/forms/error-summary";
import { prefixedErrors, SavedStatus } from "@/components/forms/form-status";
import { TextField } from "@/components/forms/text-field";
import { TextareaField } from "@/components/forms/textarea-field";
import { SelectField } from "@/components/forms/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { FoldedReasonForm } from "@/components/forms/folded-reason-form";
import { useFormAction, type FormAction } from "@/components/forms/use-form-action";
import { SUPERVISION_LEVELS, SUPERVISION_TYPES } from "@/lib/vocabulary";
import { REVIEW_MAX_YEARS, supervisionLevelMeaning, supervisionLevelWords, supervisionTypeWords } from "@/lib/rules/supervision";
import { RadiosField } from "@/components/forms/radios-field";
import { DateField } from "@/components/forms/date-field";
import { LONG_TEXT_MAX } from "@/lib/forms/limits";

type Action = FormAction;


export function SessionForm({ action, supervisors, today }: { action: Action; supervisors: ReadonlyArray<{ id: string; name: string }>; today: string }) {
  const { state, formProps, key, values: v, errors: e, summary } = useFormAction(action);
  return (
    <form {...formProps} noValidate key={key}>
      <ErrorSummary {...summary} />
      <DateField name="heldOn" label="Date of the session" values={v} defaultValue={today} error={e?.heldOn} />
      <RadiosField
        name="type"
        legend="Type of supervision"
        options={SUPERVISION_TYPES.map((t) => [t, supervisionTypeWords.label(t)] as const)}
        value={v.type}
        error={e?.type}
      />
      <SelectField
        name="supervisorId"
        label="Supervisor"
        hint="You, their line manager, their team's managers and anyone picked as their supervisor before. For someone else, leave as 'Someone else' and type their name below."
        options={supervisors.map((s) => [s.id, s.name] as const)}
        placeholder="Someone else"
        defaultValue={v.supervisorId}
        error={e?.supervisorId}
        className="max-w-md"
      />
      <TextField
        name="supervisorName"
        label="Supervisor's name, if not in the list"
        defaultValue={v.supervisorName}
        error={e?.supervisorName}
        autoComplete="off"
      />
      <TextareaField maxChars={LONG_TEXT_MAX} name="summary" label="Summary" hint="A short note of what was discussed" rows={3} defaultValue={v.summary} error={e?.summary} />
      <TextareaField maxChars={LONG_TEXT_MAX} name="actions" label="Agreed actions (optional)" rows={3} defaultValue={v.actions} error={e?.actions} />
      <SubmitButton pendingText="Saving…">Record the session</SubmitButton>
      <SavedStatus state={state} />
    </form>
  );
}

export function DelegationForm({ action }: { action: Action }) {
  const { state, formProps, key, values: v, errors: e, summary } = useFormAction(action);
  return (
    <form {...formProps} noValidate key={key}>
      <ErrorSummary {...summary} />
      <TextField name="task" label="Task delegated" hint="For example: gait re-education with a walking aid on the ward" defaultValue={v.task} error={e?.task} />
      <div className="grid gap-x-6 sm:grid-cols-2">
        <TextField name="delegatedByName" label="Delegated by (registered professional)" defaultValue={v.delegatedByName} error={e?.delegatedByName} />
        <TextField name="delegatedByProfession" label="Their profession" hint="For example: Physiotherapist" defaultValue={v.delegatedByProfession} error={e?.delegatedByProfession} />
      </div>
      <TextField
        name="delegatedByRegistration"
        label="Their registration number (optional)"
        hint="For example their HCPC number, PH123456"
        defaultValue={v.delegatedByRegistration}
        error={e?.delegatedByRegistration}
        className="max-w-xs"
        autoComplete="off"
      />
      <RadiosField
        name="supervisionLevel"
        legend="Level of supervision"
        options={SUPERVISION_LEVELS.map((l) => [l, supervisionLevelWords.label(l), supervisionLevelMeaning.label(l)] as const)}
        value={v.supervisionLevel}
        error={e?.supervisionLevel}
      />
      <div className="grid gap-x-6 sm:grid-cols-2">
        <DateField name="competentSince" label="Assessed as competent on" values={v} error={e?.competentSince} />
        <DateField
          name="reviewOn"
          label="Review date"
          hint={`Within ${REVIEW_MAX_YEARS} years. An older delegation may have a date already gone by: it is flagged for review at once.`}
          values={v}
          error={e?.reviewOn}
        />
      </div>
      <SubmitButton pendingText="Saving…">Record the delegated task</SubmitButton>
      <SavedStatus state={state} />
    </form>
  );
}

/** "Reviewed today, next review …": one date. */
export function ReviewTaskForm({ action, taskId, task }: { action: Action; taskId: string; task: string }) {
  const { state, formProps, key, values } = useFormAction(action);
  const prefix = `review-${taskId}`;
  const id = `${prefix}-reviewOn`;
  const e = prefixedErrors(prefix, state.fieldErrors);
  const error = e?.[id];
  return (
    <form {...formProps} noValidate key={key} aria-label={`Review: ${task}`}>
      <ErrorSummary errors={e} message={state.ok === false && !e ? state.message : undefined} />
      <div className="flex flex-wrap items-end gap-x-4">
        <DateField id={id} name="reviewOn" label="Reviewed today, next review on" values={values} error={error} />
        <div className="mb-5">
          <SubmitButton pendingText="Saving…" className="btn-secondary mb-0!">
            Save the review<span className="sr-only">: {task}</span>
          </SubmitButton>
        </div>
      </div>
      {state.ok ? (
        <p role="status" className="font-semibold">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}

/** Ends a delegation today; the reason goes in the audit trail. Folded away so that it is not pressed by mistake. */
export function EndTaskForm({ action, taskId, task }: { action: Action; taskId: string; task: string }) {
  return (
    <FoldedReasonForm
      action={action}
      prefix={`end-${taskId}`}
      what={task}
      open="End delegation"
      label="Why is it ending?"
      submit="End the delegation today"
      pending="Ending…"
    />
  );
}
