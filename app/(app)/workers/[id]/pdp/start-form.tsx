"use client";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction, type FormAction as Action } from "@/components/forms/use-form-action";
import { DateField } from "@/components/forms/date-field";

export function StartPdpForm({ action, defaults }: { action: Action; defaults: { periodStart: string; periodEnd: string; nextReviewOn: string } }) {
  const { formProps, key, values: v, errors: e, summary } = useFormAction(action, { defaults });
  return (
    <form {...formProps} noValidate key={key}>
      <ErrorSummary {...summary} />
      <DateField name="periodStart" label="Start of the period" values={v} error={e?.periodStart} />
      <DateField name="periodEnd" label="End of the period" hint="Usually a year after the start" values={v} error={e?.periodEnd} />
      <DateField name="nextReviewOn" label="First review" hint="Usually three months in" values={v} error={e?.nextReviewOn} />
      <SubmitButton pendingText="Starting…">Start the PDP</SubmitButton>
    </form>
  );
}
