"use client";
import { choosePassword } from "./actions";
import { ErrorSummary } from "@/components/forms/error-summary";
import { TextField } from "@/components/forms/text-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { MIN_PASSWORD_LENGTH } from "@/lib/rules/password-policy";

export function SetPasswordForm({ token, email }: { token: string; email: string }) {
  const { formProps, key, errors: e, summary } = useFormAction(choosePassword.bind(null, token));
  return (
    <form {...formProps} noValidate key={key}>
      <ErrorSummary {...summary} />
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
