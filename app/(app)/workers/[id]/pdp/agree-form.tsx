"use client";
// The one-button form with which the worker or a manager agrees the current version of the plan.
import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialFormState, type FormState } from "@/lib/forms/state";

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

export function AgreeForm({ action, pdpId, version, hint }: { action: Action; pdpId: string; version: number; hint: string }) {
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="card mb-6">
      <ErrorSummary message={state.ok === false ? state.message : undefined} />
      <input type="hidden" name="pdpId" value={pdpId} />
      <input type="hidden" name="version" value={version} />
      <p className="mb-4">{hint}</p>
      <SubmitButton pendingText="Agreeing…">Agree this plan</SubmitButton>
    </form>
  );
}
