"use client";
// Publishing the draft: the notes say what changed, for everyone reading the versions later.
import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { TextareaField } from "@/components/forms/textarea-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialFormState, type FormState } from "@/lib/forms/state";

export function PublishForm({ action, version }: { action: (prev: FormState, form: FormData) => Promise<FormState>; version: number }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const e = state.fieldErrors;
  const v = state.values ?? {};
  return (
    <form action={formAction} noValidate key={JSON.stringify(state.values ?? null)}>
      <ErrorSummary errors={e} message={state.ok === false && !e ? state.message : undefined} />
      <TextareaField
        name="notes"
        label="What changed in this version"
        hint="Shown with the version: the statements reworded, added or retired, and why. Up to 4000 characters."
        defaultValue={v.notes}
        error={e?.notes}
        rows={4}
      />
      <SubmitButton pendingText="Publishing…">Publish version {version}</SubmitButton>
    </form>
  );
}
