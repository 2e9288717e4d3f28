"use client";
// The forms on the CPD page: add a CPD activity (prefilled when recording approved training as attended) or change
// one, delete one, request training, and per request "withdraw"; on a request's own page, the decision on it. On error
// each comes back with what was typed; on success the form starts empty again (or the action goes to another page).
import { ErrorSummary } from "@/components/forms/error-summary";
import { prefixedErrors, SavedStatus } from "@/components/forms/form-status";
import { TextField } from "@/components/forms/text-field";
import { TextareaField } from "@/components/forms/textarea-field";
import { SelectField } from "@/components/forms/select-field";
import { RadiosField } from "@/components/forms/radios-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { ConfirmField } from "@/components/forms/confirm-field";
import { FieldMessages, FieldShell, describedBy } from "@/components/forms/field-shell";
import { useFormAction, type FormAction } from "@/components/forms/use-form-action";
import { DraftNotice } from "@/components/forms/drafts";
import { CPD_TYPES, DECLINE_REASONS, LEARNING_KINDS, cpdTypeWords } from "@/lib/vocabulary";
import { declineReasonWords, learningKindWords } from "@/lib/rules/cpd";
import { DateField } from "@/components/forms/date-field";
import { LONG_TEXT_MAX } from "@/lib/forms/limits";

type Action = FormAction;
type Goal = { id: string; title: string };

export function CpdForm({
  action,
  goals,
  today,
  attending,
  entry,
  draft,
}: {
  action: Action;
  goals: readonly Goal[];
  today: string;
  /** The draft's name (lib/forms/drafts.ts): what is typed, the reflection above all, is kept until it is saved. */
  draft?: string;
  /** Approved training being recorded as attended: its values prefill the form. */
  attending?: { id: string; title: string; activityOn: string; pdpGoalId: string | null };
  /** An entry being changed: the form starts with what it says. */
  entry?: Record<string, string>;
}) {
  const start: Record<string, string> =
    entry ??
    (attending
      ? { activityOn: attending.activityOn, title: attending.title, type: "course", learning: "formal", pdpGoalId: attending.pdpGoalId ?? "" }
      : { activityOn: today });
  const { state, formProps, key, values: v, errors: e, summary, draft: kept } = useFormAction(action, { defaults: start, draft });
  return (
    <form {...formProps} noValidate key={`${key}-${attending?.id ?? ""}`}>
      <ErrorSummary {...summary} />
      <DraftNotice draft={kept} />
      {attending ? <input type="hidden" name="trainingRequestId" value={attending.id} /> : null}
      <DateField name="activityOn" label="Date of the activity" values={v} error={e?.activityOn} />
      <TextField name="title" label="What was it?" hint="For example: Falls prevention e-learning" defaultValue={v.title} error={e?.title} autoComplete="off" />
      <SelectField
        name="type"
        label="Type of activity"
        options={CPD_TYPES.map((t) => [t, cpdTypeWords.label(t)] as const)}
        placeholder="Select a type"
        defaultValue={v.type}
        error={e?.type}
        className="max-w-md"
      />
      <RadiosField
        name="learning"
        legend="Formal or informal learning"
        hint="Formal: a course or training with set content. Informal: learning on the job, reading, shadowing, reflection."
        options={LEARNING_KINDS.map((k) => [k, learningKindWords.label(k)] as const)}
        value={v.learning}
        error={e?.learning}
      />
      <TextField
        name="hours"
        label="Hours"
        hint="In quarters of an hour, for example 1.5; at most 24 (record each day as its own entry)"
        inputMode="decimal"
        defaultValue={v.hours}
        error={e?.hours}
        className="max-w-[8rem]"
        autoComplete="off"
      />
      <fieldset className="mb-5">
        <legend className="label">Reflection (optional)</legend>
        <TextareaField maxChars={LONG_TEXT_MAX} name="reflectionWhat" label="What happened?" rows={3} defaultValue={v.reflectionWhat} error={e?.reflectionWhat} />
        <TextareaField maxChars={LONG_TEXT_MAX} name="reflectionSoWhat" label="So what? What did it mean for you and your practice?" rows={3} defaultValue={v.reflectionSoWhat} error={e?.reflectionSoWhat} />
        <TextareaField maxChars={LONG_TEXT_MAX} name="reflectionNowWhat" label="Now what? What will you do differently?" rows={3} defaultValue={v.reflectionNowWhat} error={e?.reflectionNowWhat} />
      </fieldset>
      {goals.length > 0 ? (
        <SelectField
          name="pdpGoalId"
          label="PDP goal it helps with (optional)"
          options={goals.map((g) => [g.id, g.title] as const)}
          placeholder="None"
          defaultValue={v.pdpGoalId}
          error={e?.pdpGoalId}
          className="max-w-md"
        />
      ) : null}
      <SubmitButton pendingText="Saving…">{entry ? "Save changes" : attending ? "Record as attended" : "Add the CPD activity"}</SubmitButton>
      <SavedStatus state={state} />
    </form>
  );
}

export function RequestForm({ action, goals }: { action: Action; goals: readonly Goal[] }) {
  const { state, formProps, key, values: v, errors: e, summary } = useFormAction(action);
  return (
    <form {...formProps} noValidate key={key}>
      <ErrorSummary {...summary} />
      <TextField name="courseTitle" label="Course" hint="For example: Moving and handling trainer course" defaultValue={v.courseTitle} error={e?.courseTitle} autoComplete="off" />
      <TextField name="provider" label="Provider (optional)" defaultValue={v.provider} error={e?.provider} autoComplete="off" />
      <TextField name="cost" label="Cost in pounds (optional)" hint="For example 120 or 85.50" inputMode="decimal" defaultValue={v.cost} error={e?.cost} className="max-w-[10rem]" autoComplete="off" />
      <div className="grid gap-x-6 sm:grid-cols-2">
        <DateField name="startsOn" label="Start date" values={v} error={e?.startsOn} />
        <DateField name="endsOn" label="End date (optional)" values={v} error={e?.endsOn} />
      </div>
      {goals.length > 0 ? (
        <SelectField
          name="requestGoalId"
          label="PDP goal it is for (optional)"
          options={goals.map((g) => [g.id, g.title] as const)}
          placeholder="None"
          defaultValue={v.requestGoalId}
          error={e?.requestGoalId}
          className="max-w-md"
        />
      ) : null}
      <TextareaField maxChars={LONG_TEXT_MAX} name="why" label="Why is it needed?" rows={3} defaultValue={v.why} error={e?.why} />
      <SubmitButton pendingText="Sending…">Request the training</SubmitButton>
      <SavedStatus state={state} />
    </form>
  );
}

/**
 * An action that needs a ticked box first (deleting a CPD entry, withdrawing a request). `idPrefix` keeps the box's
 * id apart from the same form for another item on the page.
 */
export function ConfirmForm({
  action,
  idPrefix,
  label,
  confirm,
  submit,
  pendingText,
}: {
  action: Action;
  idPrefix: string;
  label: string;
  confirm: string;
  submit: React.ReactNode;
  pendingText: string;
}) {
  const { state, formProps, key } = useFormAction(action);
  const e = prefixedErrors(idPrefix, state.fieldErrors);
  return (
    <form {...formProps} noValidate key={key} aria-label={label} className="mt-3">
      <ErrorSummary errors={e} message={state.ok === false && !e ? state.message : undefined} />
      <ConfirmField id={`${idPrefix}-confirm`} error={e?.[`${idPrefix}-confirm`]}>
        {confirm}
      </ConfirmField>
      <SubmitButton pendingText={pendingText} className="btn-secondary">
        {submit}
      </SubmitButton>
      <SavedStatus state={state} />
    </form>
  );
}

/** Withdrawing a request still awaiting a decision, folded away until needed. */
export function WithdrawForm({ action, requestId, title }: { action: Action; requestId: string; title: string }) {
  return (
    <details className="mt-2">
      <summary className="cursor-pointer font-semibold text-nhs-blue">
        Withdraw<span className="sr-only">: {title}</span>
      </summary>
      <ConfirmForm
        action={action}
        idPrefix={`withdraw-${requestId}`}
        label={`Withdraw: ${title}`}
        confirm="Yes, withdraw this request. It stays on the record as withdrawn and no longer waits for a decision."
        submit={
          <>
            Withdraw the request<span className="sr-only">: {title}</span>
          </>
        }
        pendingText="Withdrawing…"
      />
    </details>
  );
}

const DECLINE_HINT = "Declines are counted as barriers to training";

/**
 * The decision on a training request: approve or decline, then one button. Declining asks why (the barrier
 * categories; "Other" needs the detail), shown under "Decline" once it is chosen; CSS alone shows it, so it works
 * before the page's JavaScript has loaded or without it.
 */
export function DecisionForm({ action }: { action: Action }) {
  const { formProps, key, values: v, errors: e, summary } = useFormAction(action);
  return (
    <form {...formProps} noValidate key={key}>
      <ErrorSummary {...summary} />
      <fieldset
        id="decision"
        tabIndex={-1}
        aria-describedby={describedBy("decision", undefined, e?.decision)}
        className={`mb-5 ${e?.decision ? "border-l-4 border-nhs-red pl-4" : ""}`}
      >
        <legend className="label">Do you approve this training?</legend>
        <FieldMessages name="decision" error={e?.decision} />
        <div className="space-y-2">
          <label className="flex items-start gap-3">
            <input type="radio" name="decision" value="approved" defaultChecked={v.decision === "approved"} className="mt-0.5 size-6 shrink-0 accent-nhs-blue" />
            <span>Approve</span>
          </label>
          <div className="flex flex-wrap items-start gap-3">
            <input
              id="decision-declined"
              type="radio"
              name="decision"
              value="declined"
              defaultChecked={v.decision === "declined"}
              className="peer mt-0.5 size-6 shrink-0 accent-nhs-blue"
            />
            <label htmlFor="decision-declined">Decline</label>
            <div className="mt-2 hidden basis-full border-l-4 border-nhs-grey-4 pl-4 peer-checked:block">
              <fieldset
                id="declineReason"
                tabIndex={-1}
                aria-describedby={describedBy("declineReason", DECLINE_HINT, e?.declineReason)}
                className={`mb-5 ${e?.declineReason ? "border-l-4 border-nhs-red pl-4" : ""}`}
              >
                <legend className="label">Why is it declined?</legend>
                <FieldMessages name="declineReason" hint={DECLINE_HINT} error={e?.declineReason} />
                <div className="space-y-2">
                  {DECLINE_REASONS.map((r) => (
                    <label key={r} className="flex items-start gap-3">
                      <input type="radio" name="declineReason" value={r} defaultChecked={v.declineReason === r} className="mt-0.5 size-6 shrink-0 accent-nhs-blue" />
                      <span>{declineReasonWords.label(r)}</span>
                    </label>
                  ))}
                </div>
              </fieldset>
              <FieldShell name="declineDetail" label="Detail (needed for Other)" error={e?.declineDetail}>
                <input
                  id="declineDetail"
                  name="declineDetail"
                  defaultValue={v.declineDetail}
                  aria-invalid={e?.declineDetail ? true : undefined}
                  aria-describedby={describedBy("declineDetail", undefined, e?.declineDetail)}
                  className="input"
                />
              </FieldShell>
            </div>
          </div>
        </div>
      </fieldset>
      <SubmitButton pendingText="Saving…">Save the decision</SubmitButton>
    </form>
  );
}
