"use client";
// One line of text for a standard: an option's name or a gateway requirement's wording, added or changed.
import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { TextField } from "@/components/forms/text-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialFormState, type FormState } from "@/lib/forms/state";

export function LabelForm({
  action,
  name,
  label,
  hint,
  defaultValue,
  submit,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  name: "name" | "label";
  label: string;
  hint?: string;
  defaultValue?: string;
  submit: string;
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  const e = state.fieldErrors;
  return (
    <form action={formAction} noValidate key={JSON.stringify(state.values ?? null)}>
      <ErrorSummary errors={e} message={state.ok === false && !e ? state.message : undefined} />
      <TextField name={name} label={label} hint={hint} defaultValue={state.values?.[name] ?? defaultValue} error={e?.[name]} autoComplete="off" />
      <SubmitButton pendingText="Saving…">{submit}</SubmitButton>
    </form>
  );
}
