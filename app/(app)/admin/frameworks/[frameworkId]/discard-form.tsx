"use client";
// Discarding the draft version: needs an explicit yes, as its changes are lost.
import { ErrorSummary } from "@/components/forms/error-summary";
import { ConfirmField } from "@/components/forms/confirm-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction, type FormAction } from "@/components/forms/use-form-action";

export function DiscardDraftForm({ action, version }: { action: FormAction; version: number }) {
  const { formProps, key, errors: e, summary } = useFormAction(action);
  return (
    <form {...formProps} noValidate key={key}>
      <ErrorSummary {...summary} />
      <ConfirmField error={e?.confirm}>Yes, discard version {version} and every change made in it. This cannot be undone.</ConfirmField>
      <SubmitButton pendingText="Discarding…" className="btn-secondary">
        Discard the draft
      </SubmitButton>
    </form>
  );
}
