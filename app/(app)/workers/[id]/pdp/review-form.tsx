"use client";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { TextField } from "@/components/forms/text-field";
import { TextareaField } from "@/components/forms/textarea-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialFormState, type FormState } from "@/lib/forms/state";

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

export function ReviewForm({ action, pdpId, today }: { action: Action; pdpId: string; today: string }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const v = state.values ?? { reviewedOn: today };
  const e = state.fieldErrors;
  return (
    <form action={formAction} noValidate key={JSON.stringify(state.values ?? null)}>
      <ErrorSummary errors={e} message={state.ok === false && !e ? state.message : undefined} />
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
