"use client";
// Closing the current PDP: carry-over of unfinished goals is ticked by default; closing needs an explicit yes.
import { ErrorSummary } from "@/components/forms/error-summary";
import { FieldMessages } from "@/components/forms/field-shell";
import { ConfirmField } from "@/components/forms/confirm-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction, type FormAction as Action } from "@/components/forms/use-form-action";

export function ClosePdpForm({ action, pdpId, carryHint }: { action: Action; pdpId: string; carryHint: string }) {
  // The carry-over is ticked until a failure says otherwise (an unticked box is not sent at all).
  const { formProps, key, values: v, errors: e, summary } = useFormAction(action, { defaults: { carryOver: "yes" } });
  return (
    <form {...formProps} noValidate key={key}>
      <ErrorSummary {...summary} />
      <input type="hidden" name="pdpId" value={pdpId} />
      <div className="mb-5">
        <label className="flex items-start gap-3">
          <input
            type="checkbox"
            name="carryOver"
            value="yes"
            defaultChecked={v.carryOver === "yes"}
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
