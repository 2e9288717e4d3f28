"use client";
import { useActionState } from "react";
import { choosePassword } from "./actions";
import { ErrorSummary } from "@/components/forms/error-summary";
import { TextField } from "@/components/forms/text-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialFormState } from "@/lib/forms/state";
import { MIN_PASSWORD_LENGTH } from "@/lib/rules/password-policy";

export function SetPasswordForm({ token, email }: { token: string; email: string }) {
  const [state, action] = useActionState(choosePassword.bind(null, token), initialFormState);
  const e = state.fieldErrors;
  return (
    <form action={action} noValidate>
      <ErrorSummary errors={e} message={state.ok === false && !e ? state.message : undefined} />
      {/* Lets a password manager store the new password against the right account. */}
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField
        name="password"
        label="Choose a password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words make a strong one.`}
        type="password"
        error={e?.password}
        autoComplete="new-password"
      />
      <TextField name="confirm" label="Type the password again" type="password" error={e?.confirm} autoComplete="new-password" />
      <SubmitButton pendingText="Saving…">Set password and sign in</SubmitButton>
    </form>
  );
}
