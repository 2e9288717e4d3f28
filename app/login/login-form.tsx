"use client";
import { useActionState } from "react";
import { logIn } from "./actions";
import { ErrorSummary } from "@/components/forms/error-summary";
import { TextField } from "@/components/forms/text-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialFormState } from "@/lib/forms/state";

export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, action] = useActionState(logIn, initialFormState);
  const errors = state.fieldErrors;
  return (
    <form action={action} noValidate>
      <ErrorSummary
        errors={errors}
        message={state.ok === false && !errors ? state.message : undefined}
        title={errors ? "There is a problem" : "You could not be signed in"}
      />
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <TextField
        name="email"
        label="Email address"
        type="email"
        autoComplete="username"
        spellCheck={false}
        defaultValue={state.values?.email}
        error={errors?.email}
        key={`email-${state.values?.email ?? ""}`}
      />
      <TextField name="password" label="Password" type="password" autoComplete="current-password" error={errors?.password} />
      <SubmitButton pendingText="Signing in…">Sign in</SubmitButton>
    </form>
  );
}
