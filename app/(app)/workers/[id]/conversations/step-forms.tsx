"use client";
// The small forms on a conversation's page: tick a step done (or undo), make a step a PDP goal, add a step.
import { useCountedAction } from "@/components/forms/use-counted-action";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { TextField } from "@/components/forms/text-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialFormState, type FormState } from "@/lib/forms/state";

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

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
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-x-3 gap-y-1">
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
  const [state, formAction] = useCountedAction(action);
  // After a step is added the form starts empty again; on error it keeps what was typed.
  const v = state.ok ? {} : (state.values ?? {});
  const e = state.fieldErrors;
  return (
    <form action={formAction} noValidate key={state.n ?? 0}>
      <ErrorSummary errors={e} message={state.ok === false && !e ? state.message : undefined} />
      <div className="grid gap-x-6 sm:grid-cols-[1fr_12rem]">
        <TextField name="description" label="What will happen" defaultValue={v.description} error={e?.description} />
        <TextField name="dueOn" label="Due by" type="date" defaultValue={v.dueOn} error={e?.dueOn} />
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
