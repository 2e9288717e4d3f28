"use client";
import { ErrorSummary } from "@/components/forms/error-summary";
import { TextField } from "@/components/forms/text-field";
import { TextareaField } from "@/components/forms/textarea-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction, type FormAction as Action } from "@/components/forms/use-form-action";

export function ReviewForm({ action, pdpId, today }: { action: Action; pdpId: string; today: string }) {
  const { formProps, key, values: v, errors: e, summary } = useFormAction(action, { defaults: { reviewedOn: today } });
  return (
    <form {...formProps} noValidate key={key}>
      <ErrorSummary {...summary} />
      <input type="hidden" name="pdpId" value={pdpId} />
      <TextField name="reviewedOn" label="Date of the review" type="date" defaultValue={v.reviewedOn} error={e?.reviewedOn} className="max-w-xs" />
      <TextareaField
        name="summary"
        label="Summary"
        hint="What you talked about, progress on the goals, anything that changed"
        defaultValue={v.summary}
        error={e?.summary}
        rows={5}
      />
      <TextField name="nextReviewOn" label="Next review" type="date" defaultValue={v.nextReviewOn} error={e?.nextReviewOn} className="max-w-xs" />
      <SubmitButton pendingText="Saving…">Record the review</SubmitButton>
    </form>
  );
}
