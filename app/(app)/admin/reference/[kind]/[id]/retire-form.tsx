"use client";
import { retireReferenceValueAction, restoreReferenceValueAction } from "../../actions";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";

export function RetireForm({ kind, id, retired, inUse, one }: { kind: string; id: string; retired: boolean; inUse: number; one: string }) {
  const { formProps, refusal } = useFormAction((retired ? restoreReferenceValueAction : retireReferenceValueAction).bind(null, kind, id));
  return (
    <form {...formProps} noValidate>
      <ErrorSummary title="Nothing was changed" message={refusal} />
      {retired ? (
        <>
          <p className="mb-4">It comes back in forms and filters.</p>
          <SubmitButton pendingText="Restoring…">Restore {one}</SubmitButton>
        </>
      ) : (
        <>
          <p className="mb-4">
            It leaves the forms and filters.{" "}
            {inUse > 0
              ? `The ${inUse.toLocaleString("en-GB")} ${inUse === 1 ? "worker" : "workers"} whose record has it keep it, and it still shows in their history and in reports.`
              : "No worker's record uses it."}
          </p>
          <SubmitButton pendingText="Retiring…" className="btn-secondary">
            Retire {one}
          </SubmitButton>
        </>
      )}
    </form>
  );
}
