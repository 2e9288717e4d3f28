"use client";
import { askForPasswordLink } from "./actions";
import { ErrorSummary } from "@/components/forms/error-summary";
import { TextField } from "@/components/forms/text-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";

/** The same answer whether or not the address has an account: only its owner's inbox can tell. */
export function ForgottenPasswordForm({ lifetimeHours }: { lifetimeHours: number }) {
  const { state, formProps, key, values, errors, summary } = useFormAction(askForPasswordLink);
  if (state.ok) {
    return (
      <div role="status">
        <h2 className="mb-3">Check your email</h2>
        <p className="mb-3">
          If <span className="break-all font-semibold">{values.email}</span> is the email address of a Pathways login, we have sent a link to it.
          Use the link to choose a new password. It works once, for {lifetimeHours} hours.
        </p>
        <p>It can take a few minutes to arrive. If it does not, check your junk or spam folder.</p>
      </div>
    );
  }
  return (
    <form {...formProps} noValidate key={key}>
      <ErrorSummary {...summary} title={errors ? "There is a problem" : "We could not send a link"} />
      <TextField
        name="email"
        label="Email address"
        hint="The one you sign in to Pathways with"
        type="email"
        autoComplete="username"
        spellCheck={false}
        defaultValue={values.email}
        error={errors?.email}
      />
      <SubmitButton pendingText="Sending…">Send me a link</SubmitButton>
    </form>
  );
}
