"use client";
// A step that needs a reason and is folded away so that it is not pressed by mistake: "End delegation", "Remove" a
// completion. Its field's id carries the record's, so several on a page each tie their own error to their own field.
import { ErrorSummary } from "./error-summary";
import { prefixedErrors } from "./form-status";
import { SubmitButton } from "./submit-button";
import { FieldShell, describedBy } from "./field-shell";
import { useFormAction, type FormAction } from "./use-form-action";

export function FoldedReasonForm({
  action,
  prefix,
  what,
  open,
  label,
  hint,
  submit,
  pending,
  summaryClassName = "font-semibold",
}: {
  action: FormAction;
  /** Unique on the page: `end-<taskId>`. */
  prefix: string;
  /** The record, for screen readers: the task, the completion. */
  what: string;
  /** The folded summary's words: "End delegation". */
  open: string;
  /** The reason field's label. */
  label: string;
  /** Said under the label: who will read the reason. */
  hint?: string;
  submit: string;
  pending: string;
  summaryClassName?: string;
}) {
  const { state, formProps, key, values } = useFormAction(action);
  const id = `${prefix}-reason`;
  const e = prefixedErrors(prefix, state.fieldErrors);
  const error = e?.[id];
  return (
    <details className="mt-2" open={state.ok === false ? true : undefined}>
      <summary className={`cursor-pointer text-nhs-blue ${summaryClassName}`}>
        {open}
        <span className="sr-only">: {what}</span>
      </summary>
      <form {...formProps} noValidate key={key} aria-label={`${open}: ${what}`} className="mt-3">
        <ErrorSummary errors={e} message={state.ok === false && !e ? state.message : undefined} />
        <FieldShell name={id} label={label} hint={hint} error={error}>
          <input
            id={id}
            name="reason"
            defaultValue={values.reason}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(id, hint, error)}
            className="input"
          />
        </FieldShell>
        <SubmitButton pendingText={pending} className="btn-secondary">
          {submit}
          <span className="sr-only">: {what}</span>
        </SubmitButton>
      </form>
    </details>
  );
}
