"use client";
// One line of text for a standard: an option's name or a gateway requirement's wording, added or changed.
import { ErrorSummary } from "@/components/forms/error-summary";
import { TextField } from "@/components/forms/text-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction, type FormAction } from "@/components/forms/use-form-action";

export function LabelForm({
  action,
  name,
  label,
  hint,
  defaultValue,
  submit,
}: {
  action: FormAction;
  name: "name" | "label";
  label: string;
  hint?: string;
  defaultValue?: string;
  submit: string;
}) {
  const { formProps, key, values, errors: e, summary } = useFormAction(action);
  return (
    <form {...formProps} noValidate key={key}>
      <ErrorSummary {...summary} />
      <TextField name={name} label={label} hint={hint} defaultValue={values[name] ?? defaultValue} error={e?.[name]} autoComplete="off" />
      <SubmitButton pendingText="Saving…">{submit}</SubmitButton>
    </form>
  );
}
