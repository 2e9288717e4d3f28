"use client";
// Closing the current PDP: carry-over of unfinished goals is ticked by default; closing needs an explicit yes.
import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { FieldMessages } from "@/components/forms/field-shell";
import { ConfirmField } from "@/components/forms/confirm-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialFormState, type FormState } from "@/lib/forms/state";

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
      <ConfirmField error={e?.confirm}>Yes, close this PDP. It can still be read but no longer changed.</ConfirmField>
      <SubmitButton pendingText="Closing…" className="btn-secondary">
        Close this PDP
      </SubmitButton>
    </form>
  );
}
