"use client";
import { useActionState } from "react";
import { setUpFirstAdmin } from "./actions";
import { ErrorSummary } from "@/components/forms/error-summary";
import { TextField } from "@/components/forms/text-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialFormState } from "@/lib/forms/state";
import { MIN_PASSWORD_LENGTH } from "@/lib/rules/password-policy";

export function SetupForm() {
  const [state, action] = useActionState(setUpFirstAdmin, initialFormState);
  const e = state.fieldErrors;
  const v = state.values ?? {};
  return (
    <form action={action} noValidate key={JSON.stringify(v)}>
      <ErrorSummary errors={e} message={state.ok === false && !e ? state.message : undefined} />
      <TextField name="organisation" label="Organisation" hint="For example, Northbrook Community NHS Trust" defaultValue={v.organisation} error={e?.organisation} autoComplete="organization" />
      <TextField name="name" label="Your full name" defaultValue={v.name} error={e?.name} autoComplete="name" />
      <TextField name="email" label="Your work email address" type="email" defaultValue={v.email} error={e?.email} autoComplete="email" spellCheck={false} />
      <TextField name="password" label="Choose a password" hint={`At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words make a strong one.`} type="password" error={e?.password} autoComplete="new-password" />
      <TextField name="confirm" label="Type the password again" type="password" error={e?.confirm} autoComplete="new-password" />
      <SubmitButton pendingText="Setting up…">Create administrator account</SubmitButton>
    </form>
  );
}
