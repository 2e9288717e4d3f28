"use client";
// The administrator's choice of how colleagues' feedback for appraisals is shown: named or anonymous.
import { ErrorSummary } from "@/components/forms/error-summary";
import { RadiosField } from "@/components/forms/radios-field";
import { SavedStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction, type FormAction } from "@/components/forms/use-form-action";

export function FeedbackSettingForm({ action, shownAs }: { action: FormAction; shownAs: "named" | "anonymous" }) {
  const { state, formProps, key, values: v, errors: e, summary } = useFormAction(action);
  return (
    <form {...formProps} noValidate key={key}>
      <ErrorSummary {...summary} />
      <RadiosField
        name="shownAs"
        legend="How colleagues' feedback is shown to the worker and their manager"
        value={v.shownAs ?? shownAs}
        error={e?.shownAs}
        options={[
          ["named", "With the name of the colleague who gave it"],
          ["anonymous", "Without their name", "The audit trail still records who gave it, and the colleague is told so."],
        ]}
      />
      <SubmitButton pendingText="Saving…">Save</SubmitButton>
      <SavedStatus state={state} />
    </form>
  );
}
