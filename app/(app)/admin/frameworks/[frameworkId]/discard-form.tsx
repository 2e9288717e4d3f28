"use client";
// Discarding the draft version: needs an explicit yes, as its changes are lost.
import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { FieldMessages, describedBy } from "@/components/forms/field-shell";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialFormState, type FormState } from "@/lib/forms";

export function DiscardDraftForm({ action, version }: { action: (prev: FormState, form: FormData) => Promise<FormState>; version: number }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const e = state.fieldErrors;
  return (
    <form action={formAction} noValidate>
      <ErrorSummary errors={e} message={state.ok === false && !e ? state.message : undefined} />
      <div className={`mb-5 ${e?.confirm ? "border-l-4 border-nhs-red pl-4" : ""}`}>
        <FieldMessages name="confirm" error={e?.confirm} />
        <label className="flex items-start gap-3">
          <input
            id="confirm"
            type="checkbox"
            name="confirm"
            value="yes"
            aria-invalid={e?.confirm ? true : undefined}
            aria-describedby={describedBy("confirm", undefined, e?.confirm)}
            className="mt-1 size-6 shrink-0 accent-nhs-blue"
          />
          <span>Yes, discard version {version} and every change made in it. This cannot be undone.</span>
        </label>
      </div>
      <SubmitButton pendingText="Discarding…" className="btn-secondary">
        Discard the draft
      </SubmitButton>
    </form>
  );
}
