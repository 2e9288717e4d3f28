"use client";
// Changing a draft domain's title and description.
import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { TextField } from "@/components/forms/text-field";
import { TextareaField } from "@/components/forms/textarea-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialFormState, type FormState } from "@/lib/forms/state";

export function DomainForm({ action, defaults }: { action: (prev: FormState, form: FormData) => Promise<FormState>; defaults: Record<string, string> }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const e = state.fieldErrors;
  const v = state.values ?? defaults;
  return (
    <form action={formAction} noValidate key={JSON.stringify(state.values ?? null)}>
      <ErrorSummary errors={e} message={state.ok === false && !e ? state.message : undefined} />
      <TextField name="title" label="Title" defaultValue={v.title} error={e?.title} autoComplete="off" maxLength={200} />
      <TextareaField name="description" label="Description (optional)" hint="Up to 2000 characters." defaultValue={v.description} error={e?.description} rows={5} />
      <SubmitButton pendingText="Saving…">Save domain</SubmitButton>
    </form>
  );
}
