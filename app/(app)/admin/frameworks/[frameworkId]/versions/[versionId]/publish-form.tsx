"use client";
// Publishing the draft: the notes say what changed, for everyone reading the versions later.
import { ErrorSummary } from "@/components/forms/error-summary";
import { TextareaField } from "@/components/forms/textarea-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction, type FormAction } from "@/components/forms/use-form-action";

export function PublishForm({ action, version }: { action: FormAction; version: number }) {
  const { formProps, key, values: v, errors: e, summary } = useFormAction(action);
  return (
    <form {...formProps} noValidate key={key}>
      <ErrorSummary {...summary} />
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
