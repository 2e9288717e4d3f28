"use client";
// Publishing the draft: the notes say what changed, for everyone reading the versions later.
import { ErrorSummary } from "@/components/forms/error-summary";
import { TextareaField } from "@/components/forms/textarea-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction, type FormAction } from "@/components/forms/use-form-action";
import { LONG_TEXT_MAX } from "@/lib/forms/limits";

export function PublishForm({ action, version }: { action: FormAction; version: number }) {
  const { formProps, key, values: v, errors: e, summary } = useFormAction(action);
  return (
    <form {...formProps} noValidate key={key}>
      <ErrorSummary {...summary} />
      <TextareaField maxChars={LONG_TEXT_MAX}
        name="notes"
        label="What changed in this version"
        hint="Shown with the version: the statements reworded, added or retired, and why."
        defaultValue={v.notes}
        error={e?.notes}
        rows={4}
      />
      <SubmitButton pendingText="Publishing…">Publish version {version}</SubmitButton>
    </form>
  );
}
