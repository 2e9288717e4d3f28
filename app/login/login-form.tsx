"use client";
import { logIn } from "./actions";
import { ErrorSummary } from "@/components/forms/error-summary";
import { TextField } from "@/components/forms/text-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";

export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
  const { formProps, key, values, errors, summary } = useFormAction(logIn);
  return (
    <form {...formProps} noValidate key={key}>
      <ErrorSummary
        {...summary}
        title={errors ? "There is a problem" : "You could not be signed in"}
      />
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <TextField
        name="email"
        label="Email address"
        type="email"
        autoComplete="username"
        spellCheck={false}
        defaultValue={values.email}
        error={errors?.email}
      />
      <TextField name="password" label="Password" type="password" autoComplete="current-password" error={errors?.password} />
      <SubmitButton pendingText="Signing in…">Sign in</SubmitButton>
    </form>
  );
}
