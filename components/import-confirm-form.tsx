"use client";
// The one button that confirms a checked import (a staff list, a file of completions): all the rows or none.
import { useFormStatus } from "react-dom";
import { ErrorSummary } from "@/components/forms/error-summary";
import { useFormAction, type FormAction } from "@/components/forms/use-form-action";

function ImportButton({ label, pendingText }: { label: string; pendingText: string }) {
  const { pending } = useFormStatus();
  return (
    <>
      <p role="status" aria-live="polite" className={pending ? "mb-2 font-semibold" : "sr-only"}>
        {pending ? pendingText : ""}
      </p>
      {pending ? (
        // Indeterminate: the rows are written in one transaction, so there is no partway to report.
        <progress
          aria-label="Importing"
          className="mb-4 block h-4 w-full max-w-xl animate-pulse appearance-none bg-nhs-grey-4 [&::-moz-progress-bar]:bg-nhs-blue [&::-webkit-progress-bar]:bg-nhs-grey-4"
        />
      ) : null}
      <button type="submit" className="btn" disabled={pending} aria-disabled={pending}>
        {pending ? "Importing…" : label}
      </button>
    </>
  );
}

export function ConfirmForm({
  action,
  label,
  pendingText,
}: {
  action: FormAction;
  label: string;
  pendingText: string;
}) {
  const { formProps, refusal } = useFormAction(action);
  return (
    <form {...formProps}>
      <ErrorSummary title="The file was not imported" message={refusal} />
      <ImportButton label={label} pendingText={pendingText} />
    </form>
  );
}
