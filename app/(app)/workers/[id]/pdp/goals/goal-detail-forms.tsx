"use client";
// The small forms on a goal's page: agree a proposal, change status, add and tick off actions, notes, barriers.
// Each keeps what was typed when it comes back with a problem.
import { ErrorSummary } from "@/components/forms/error-summary";
import { TextField } from "@/components/forms/text-field";
import { DateField } from "@/components/forms/date-field";
import { TextareaField } from "@/components/forms/textarea-field";
import { SelectField } from "@/components/forms/select-field";
import { FieldMessages, describedBy } from "@/components/forms/field-shell";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction, type FormAction as Action, type FormState } from "@/components/forms/use-form-action";
import { ACTION_DESCRIPTION_MAX, LONG_TEXT_MAX, NOTE_MAX, REASON_MAX } from "@/lib/forms/limits";
type Option = readonly [string, string];

function Problem({ state }: { state: FormState }) {
  return <ErrorSummary errors={state.fieldErrors} message={state.ok === false && !state.fieldErrors ? state.message : undefined} />;
}

export function AgreeGoalForm({ action }: { action: Action }) {
  const { state, formProps } = useFormAction(action);
  return (
    <form {...formProps}>
      <Problem state={state} />
      <SubmitButton pendingText="Agreeing…">Agree this goal</SubmitButton>
    </form>
  );
}

/** The manager's status form: any allowed next status, with a reason (needed to defer or drop). */
export function GoalStatusForm({ action, options }: { action: Action; options: Option[] }) {
  const { state, formProps, key, values: v, errors: e } = useFormAction(action);
  return (
    <form {...formProps} noValidate key={key}>
      <Problem state={state} />
      <SelectField name="status" label="New status" options={options} placeholder="Select a status" defaultValue={v.status} error={e?.status} className="max-w-xs" />
      <TextareaField maxChars={REASON_MAX} name="reason" label="Reason" hint="Needed when deferring or dropping a goal" defaultValue={v.reason} error={e?.reason} rows={2} />
      <SubmitButton pendingText="Saving…">Change status</SubmitButton>
    </form>
  );
}

/** The worker's one status step: saying they have started on an agreed goal. */
export function StartGoalForm({ action }: { action: Action }) {
  const { state, formProps } = useFormAction(action);
  return (
    <form {...formProps}>
      <Problem state={state} />
      <input type="hidden" name="status" value="in_progress" />
      <SubmitButton pendingText="Saving…" className="btn-secondary">
        Mark as in progress
      </SubmitButton>
    </form>
  );
}

export function ActionDoneButton({ action, actionId, done, description }: { action: Action; actionId: string; done: boolean; description: string }) {
  const { state, formProps } = useFormAction(action);
  return (
    <form {...formProps}>
      <input type="hidden" name="actionId" value={actionId} />
      <input type="hidden" name="done" value={done ? "0" : "1"} />
      <SubmitButton pendingText="Saving…" className="btn-secondary">
        {done ? "Mark not done" : "Mark done"}
        <span className="sr-only">: {description}</span>
      </SubmitButton>
      {state.ok === false ? (
        <p role="alert" className="field-error mt-2">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}

export function AddActionForm({ action, owners, defaultOwner }: { action: Action; owners: Option[]; defaultOwner: string }) {
  const { state, formProps, key, values: v, errors: e } = useFormAction(action, { defaults: { owner: defaultOwner } });
  return (
    <form {...formProps} noValidate key={key}>
      <Problem state={state} />
      <TextField name="description" label="What will be done" defaultValue={v.description} error={e?.description} maxChars={ACTION_DESCRIPTION_MAX} />
      <div className="grid gap-x-6 sm:grid-cols-2">
        {owners.length > 1 ? (
          <SelectField name="owner" label="Who will do it" options={owners} defaultValue={v.owner} error={e?.owner} />
        ) : (
          <input type="hidden" name="owner" value={owners[0]?.[0] ?? ""} />
        )}
        <DateField name="dueOn" label="Due date (optional)" values={v} error={e?.dueOn} />
      </div>
      <SubmitButton pendingText="Adding…">Add action</SubmitButton>
    </form>
  );
}

/** A progress note or a reflection. The worker chooses which; the manager writes progress notes. */
export function NoteForm({ action, kinds, defaultKind }: { action: Action; kinds: Option[]; defaultKind: string }) {
  const { state, formProps, key, values: v, errors: e } = useFormAction(action, { defaults: { kind: defaultKind } });
  return (
    <form {...formProps} noValidate key={key}>
      <Problem state={state} />
      {kinds.length > 1 ? (
        <fieldset id="kind" tabIndex={-1} aria-describedby={describedBy("kind", undefined, e?.kind)} className="mb-5">
          <legend className="label">Kind of note</legend>
          <FieldMessages name="kind" error={e?.kind} />
          <div className="flex flex-wrap gap-x-6 gap-y-2">
            {kinds.map(([value, text]) => (
              <label key={value} className="flex items-center gap-3">
                <input type="radio" name="kind" value={value} defaultChecked={v.kind === value} className="size-6 accent-nhs-blue" />
                <span>{text}</span>
              </label>
            ))}
          </div>
        </fieldset>
      ) : (
        <input type="hidden" name="kind" value={kinds[0]?.[0] ?? ""} />
      )}
      <TextareaField maxChars={LONG_TEXT_MAX} name="body" label="Note" hint="What happened, what you learnt, what comes next" defaultValue={v.body} error={e?.body} rows={4} />
      <SubmitButton pendingText="Saving…">Add note</SubmitButton>
    </form>
  );
}

export function BarrierForm({ action, categories }: { action: Action; categories: Option[] }) {
  const { state, formProps, key, values: v, errors: e } = useFormAction(action);
  return (
    <form {...formProps} noValidate key={key}>
      <Problem state={state} />
      <SelectField name="category" label="What got in the way" options={categories} placeholder="Select a barrier" defaultValue={v.category} error={e?.category} />
      <TextareaField maxChars={NOTE_MAX} name="detail" label="Detail" hint="Needed when you choose Other" defaultValue={v.detail} error={e?.detail} rows={2} />
      <SubmitButton pendingText="Saving…">Record barrier</SubmitButton>
    </form>
  );
}
