"use client";
import { ErrorSummary } from "@/components/forms/error-summary";
import { TextField } from "@/components/forms/text-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction, type FormAction } from "@/components/forms/use-form-action";
import { DateField } from "@/components/forms/date-field";

export function LeavingForm({ action }: { action: FormAction }) {
  const { formProps, key, values: v, errors: e, summary } = useFormAction(action);
  return (
    <form {...formProps} noValidate key={key}>
      <ErrorSummary {...summary} />
      <DateField name="leftOn" label="Last day in post" values={v} error={e?.leftOn} />
      <TextField
        name="reason"
        label="Reason for leaving"
        hint="For example: retired, moved to another trust, started a degree apprenticeship elsewhere"
        defaultValue={v.reason}
        error={e?.reason}
      />
      <SubmitButton pendingText="Saving…">Record leaving</SubmitButton>
    </form>
  );
}
