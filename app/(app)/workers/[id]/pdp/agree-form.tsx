"use client";
// The one-button form with which the worker or a manager agrees the current version of the plan.
import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction, type FormAction as Action } from "@/components/forms/use-form-action";

export function AgreeForm({ action, pdpId, version, hint }: { action: Action; pdpId: string; version: number; hint: string }) {
  const { formProps, refusal } = useFormAction(action);
  return (
    <form {...formProps} className="card mb-6">
      <ErrorSummary message={refusal} />
      <input type="hidden" name="pdpId" value={pdpId} />
      <input type="hidden" name="version" value={version} />
      <p className="mb-4">{hint}</p>
      <SubmitButton pendingText="Agreeing…">Agree this plan</SubmitButton>
    </form>
  );
}
