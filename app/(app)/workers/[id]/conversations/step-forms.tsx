"use client";
// The small forms on a conversation's page: tick a step done (or undo), make a step a PDP goal, add a step.
import { ErrorSummary } from "@/components/forms/error-summary";
import { TextField } from "@/components/forms/text-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction, type FormAction as Action } from "@/components/forms/use-form-action";
import { DateField } from "@/components/forms/date-field";
import { STEP_DESCRIPTION_MAX } from "@/lib/forms/limits";

/** One button that runs an action, with its outcome said beside it (politely, for screen readers too). */
export function StepButton({
  action,
  label,
  context,
  fields = {},
  secondary = false,
}: {
  action: Action;
  label: string;
  /** Said to screen readers after the label, so each step's buttons differ ("Mark done: book the open day"). */
  context: string;
  fields?: Record<string, string>;
  secondary?: boolean;
}) {
  const { state, formProps, pending } = useFormAction(action);
  return (
    <form {...formProps} className="flex flex-wrap items-center gap-x-3 gap-y-1">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        disabled={pending}
        aria-disabled={pending}
        aria-label={`${label}: ${context}`}
        className={`btn ${secondary ? "btn-secondary" : ""} mb-0! px-3! py-1!`}
      >
        {label}
      </button>
      <span role={state.ok === false ? "alert" : "status"} className={state.ok === false ? "font-semibold text-nhs-red" : "text-nhs-secondary"}>
        {state.message ?? ""}
      </span>
    </form>
  );
}

export function AddStepForm({ action }: { action: Action }) {
  // After a step is added the form starts empty again; on error it keeps what was typed.
  const { state, formProps, key, values: v, errors: e, summary } = useFormAction(action);
  return (
    <form {...formProps} noValidate key={key}>
      <ErrorSummary {...summary} />
      <div className="grid gap-x-6 sm:grid-cols-[1fr_auto]">
        <TextField name="description" label="What will happen" defaultValue={v.description} error={e?.description} maxChars={STEP_DESCRIPTION_MAX} />
        <DateField name="dueOn" label="Due by" values={v} error={e?.dueOn} />
      </div>
      <SubmitButton pendingText="Adding…" className="btn-secondary">
        Add the step
      </SubmitButton>
      {state.ok ? (
        <p role="status" className="mt-2 font-semibold">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
