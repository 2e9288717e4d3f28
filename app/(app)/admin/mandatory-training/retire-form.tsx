"use client";
import { retireSubjectAction } from "./actions";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";

export function RetireSubjectForm({ id, retired }: { id: string; retired: boolean }) {
  const { formProps, refusal } = useFormAction(retireSubjectAction.bind(null, id, !retired));
  return (
    <form {...formProps} noValidate>
      <ErrorSummary title="Nothing was changed" message={refusal} />
      {retired ? (
        <>
          <p className="mb-4">Those who need it are asked for it again.</p>
          <SubmitButton pendingText="Restoring…">Restore the subject</SubmitButton>
        </>
      ) : (
        <>
          <p className="mb-4">Nobody is asked for it from now on. Completions already recorded stay on each record. It can be restored.</p>
          <SubmitButton pendingText="Retiring…" className="btn-secondary">
            Retire the subject
          </SubmitButton>
        </>
      )}
    </form>
  );
}
