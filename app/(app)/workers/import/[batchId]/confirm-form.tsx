"use client";
import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import { ErrorSummary } from "@/components/forms/error-summary";
import { initialFormState, type FormState } from "@/lib/forms/state";

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
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  label: string;
  pendingText: string;
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <form action={formAction}>
      <ErrorSummary title="The file was not imported" message={state.ok === false ? state.message : undefined} />
      <ImportButton label={label} pendingText={pendingText} />
    </form>
  );
}
