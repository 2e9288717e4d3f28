"use client";
// Discarding the draft version: needs an explicit yes, as its changes are lost.
import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { ConfirmField } from "@/components/forms/confirm-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialFormState, type FormState } from "@/lib/forms/state";

export function DiscardDraftForm({ action, version }: { action: (prev: FormState, form: FormData) => Promise<FormState>; version: number }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const e = state.fieldErrors;
  return (
    <form action={formAction} noValidate>
      <ErrorSummary errors={e} message={state.ok === false && !e ? state.message : undefined} />
      <ConfirmField error={e?.confirm}>Yes, discard version {version} and every change made in it. This cannot be undone.</ConfirmField>
      <SubmitButton pendingText="Discarding…" className="btn-secondary">
        Discard the draft
      </SubmitButton>
    </form>
  );
}
