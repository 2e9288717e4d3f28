"use client";
// The part of a signing form (an appraisal, a PDP version, a competency sign-off) where the signer proves it is them:
// their password typed again, or, for someone who signed in with their organisation account, a recent sign-on
// (lib/rules/signature.ts). The action checks the proof again (lib/action.ts defineSignature).
import type { Signer } from "@/lib/rules/signature";
import { TextField } from "./text-field";
import { SubmitButton } from "./submit-button";

export function SignatureField({ signer, error }: { signer: Signer; error?: string }) {
  if (signer.proof === "password") {
    return (
      <TextField
        name="password"
        type="password"
        label="Your password"
        hint={`You are signing as ${signer.name}. Type your password to confirm it is you: your signature is recorded with that.`}
        autoComplete="current-password"
        error={error}
        className="max-w-sm"
      />
    );
  }
  if (signer.proof === "fresh_sign_on") {
    return (
      <p className="mb-5 border-l-4 border-nhs-blue pl-4">
        You are signing as {signer.name}. You signed in with your organisation account moments ago, so your signature is recorded
        with that. After {signer.freshUntil} you will be asked to sign in again first.
      </p>
    );
  }
  return (
    <p className="mb-5 border-l-4 border-nhs-blue pl-4">
      You are signing as {signer.name}. Before you sign, sign in again with your organisation account to confirm it is you. You
      come back to this page afterwards.
    </p>
  );
}

/**
 * The form's main button, or, when the signer must sign on again first, a button that does that (a `formAction`, so it
 * sits inside the same form without nesting one).
 */
export function SignatureButtons({
  signer,
  signOnAgain,
  children,
  pendingText,
}: {
  signer: Signer;
  signOnAgain: (form: FormData) => Promise<void>;
  children: React.ReactNode;
  pendingText?: string;
}) {
  if (signer.proof === "sign_on_again") {
    return (
      <button type="submit" formAction={signOnAgain} formNoValidate className="btn">
        Sign in again with Microsoft
      </button>
    );
  }
  return <SubmitButton pendingText={pendingText}>{children}</SubmitButton>;
}
