"use client";
// The form with which the worker or a manager agrees (signs) the current version of the plan: the version they read,
// and proof that it is them (their password, or a recent sign-on with their organisation account).
import { ErrorSummary } from "@/components/forms/error-summary";
import { SignatureButtons, SignatureField } from "@/components/forms/signature-field";
import { useFormAction, type FormAction as Action } from "@/components/forms/use-form-action";
import type { Signer } from "@/lib/rules/signature";

export function AgreeForm({
  action,
  pdpId,
  version,
  hint,
  signer,
  signOnAgain,
}: {
  action: Action;
  pdpId: string;
  version: number;
  hint: string;
  signer: Signer;
  signOnAgain: (form: FormData) => Promise<void>;
}) {
  const { formProps, key, errors, summary } = useFormAction(action);
  return (
    <form {...formProps} noValidate key={key} className="card mb-6">
      <ErrorSummary {...summary} />
      <input type="hidden" name="pdpId" value={pdpId} />
      <input type="hidden" name="version" value={version} />
      <p className="mb-4">{hint}</p>
      <SignatureField signer={signer} error={errors?.password} />
      <SignatureButtons signer={signer} signOnAgain={signOnAgain} pendingText="Agreeing…">
        Agree this plan
      </SignatureButtons>
    </form>
  );
}
