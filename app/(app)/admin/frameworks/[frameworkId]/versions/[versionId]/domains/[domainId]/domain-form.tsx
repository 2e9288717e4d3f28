"use client";
// Changing a draft domain's title and description.
import { ErrorSummary } from "@/components/forms/error-summary";
import { TextField } from "@/components/forms/text-field";
import { TextareaField } from "@/components/forms/textarea-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction, type FormAction } from "@/components/forms/use-form-action";
import { NOTE_MAX, TITLE_MAX } from "@/lib/forms/limits";

export function DomainForm({ action, defaults }: { action: FormAction; defaults: Record<string, string> }) {
  const { formProps, key, values: v, errors: e, summary } = useFormAction(action, { defaults });
  return (
    <form {...formProps} noValidate key={key}>
      <ErrorSummary {...summary} />
      <TextField name="title" label="Title" defaultValue={v.title} error={e?.title} autoComplete="off" maxChars={TITLE_MAX} />
      <TextareaField maxChars={NOTE_MAX} name="description" label="Description (optional)"  defaultValue={v.description} error={e?.description} rows={5} />
      <SubmitButton pendingText="Saving…">Save domain</SubmitButton>
    </form>
  );
}
