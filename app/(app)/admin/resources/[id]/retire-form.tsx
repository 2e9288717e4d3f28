"use client";
import { useActionState } from "react";
import { retireResource, restoreResource } from "../actions";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialFormState } from "@/lib/forms/state";

export function RetireResourceForm({ id, retired }: { id: string; retired: boolean }) {
  const [state, action] = useActionState((retired ? restoreResource : retireResource).bind(null, id), initialFormState);
  return (
    <form action={action} noValidate>
      <ErrorSummary title="Nothing was changed" message={state.ok === false ? state.message : undefined} />
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
