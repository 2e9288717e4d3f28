"use client";
// Closing the current PDP: carry-over of unfinished goals is ticked by default; closing needs an explicit yes.
import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { FieldMessages, describedBy } from "@/components/forms/field-shell";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialFormState, type FormState } from "@/lib/forms";

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

export function ClosePdpForm({ action, pdpId, carryHint }: { action: Action; pdpId: string; carryHint: string }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const v = state.values;
  const e = state.fieldErrors;
  return (
    <form action={formAction} noValidate key={JSON.stringify(state.values ?? null)}>
      <ErrorSummary errors={e} message={state.ok === false && !e ? state.message : undefined} />
      <input type="hidden" name="pdpId" value={pdpId} />
      <div className="mb-5">
        <label className="flex items-start gap-3">
          <input
            type="checkbox"
            name="carryOver"
            value="yes"
            defaultChecked={v ? v.carryOver === "yes" : true}
            aria-describedby="carryOver-hint"
            className="mt-1 size-6 shrink-0 accent-nhs-blue"
          />
          <span>Start the next PDP with the unfinished goals</span>
        </label>
        <FieldMessages name="carryOver" hint={carryHint} />
      </div>
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
          <span>Yes, close this PDP. It can still be read but no longer changed.</span>
        </label>
      </div>
      <SubmitButton pendingText="Closing…" className="btn-secondary">
        Close this PDP
      </SubmitButton>
    </form>
  );
}
