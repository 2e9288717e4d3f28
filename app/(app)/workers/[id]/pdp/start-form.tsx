"use client";
import { ErrorSummary } from "@/components/forms/error-summary";
import { TextField } from "@/components/forms/text-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction, type FormAction as Action } from "@/components/forms/use-form-action";

export function StartPdpForm({ action, defaults }: { action: Action; defaults: { periodStart: string; periodEnd: string; nextReviewOn: string } }) {
  const { formProps, key, values: v, errors: e, summary } = useFormAction(action, { defaults });
  return (
    <form {...formProps} noValidate key={key}>
      <ErrorSummary {...summary} />
      <TextField name="periodStart" label="Start of the period" type="date" defaultValue={v.periodStart} error={e?.periodStart} className="max-w-xs" />
      <TextField name="periodEnd" label="End of the period" hint="Usually a year after the start" type="date" defaultValue={v.periodEnd} error={e?.periodEnd} className="max-w-xs" />
      <TextField name="nextReviewOn" label="First review" hint="Usually three months in" type="date" defaultValue={v.nextReviewOn} error={e?.nextReviewOn} className="max-w-xs" />
      <SubmitButton pendingText="Starting…">Start the PDP</SubmitButton>
    </form>
  );
}
