"use client";
import { ErrorSummary } from "@/components/forms/error-summary";
import { TextareaField } from "@/components/forms/textarea-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction, type FormAction as Action } from "@/components/forms/use-form-action";
import { DateField } from "@/components/forms/date-field";
import { LONG_TEXT_MAX } from "@/lib/forms/limits";

export function ReviewForm({ action, pdpId, today }: { action: Action; pdpId: string; today: string }) {
  const { formProps, key, values: v, errors: e, summary } = useFormAction(action, { defaults: { reviewedOn: today } });
  return (
    <form {...formProps} noValidate key={key}>
      <ErrorSummary {...summary} />
      <input type="hidden" name="pdpId" value={pdpId} />
      <DateField name="reviewedOn" label="Date of the review" values={v} error={e?.reviewedOn} />
      <TextareaField maxChars={LONG_TEXT_MAX}
        name="summary"
        label="Summary"
        hint="What you talked about, progress on the goals, anything that changed"
        defaultValue={v.summary}
        error={e?.summary}
        rows={5}
      />
      <DateField name="nextReviewOn" label="Next review" values={v} error={e?.nextReviewOn} />
      <SubmitButton pendingText="Saving…">Record the review</SubmitButton>
    </form>
  );
}
