"use client";
import { retireResourceAction, restoreResourceAction } from "../actions";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";

export function RetireResourceForm({ id, retired }: { id: string; retired: boolean }) {
  const { formProps, refusal } = useFormAction((retired ? restoreResourceAction : retireResourceAction).bind(null, id));
  return (
    <form {...formProps} noValidate>
      <ErrorSummary title="Nothing was changed" message={refusal} />
      {retired ? (
        <>
          <p className="mb-4">It comes back on the resources hub.</p>
          <SubmitButton pendingText="Restoring…">Restore resource</SubmitButton>
        </>
      ) : (
        <>
          <p className="mb-4">It leaves the resources hub. It stays in this list and can be restored.</p>
          <SubmitButton pendingText="Retiring…" className="btn-secondary">
            Retire resource
          </SubmitButton>
        </>
      )}
    </form>
  );
}
