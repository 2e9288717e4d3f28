"use client";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { TextField } from "@/components/forms/text-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialFormState, type FormState } from "@/lib/forms/state";

export function LeavingForm({ action }: { action: (prev: FormState, form: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const v = state.values ?? {};
  const e = state.fieldErrors;
  return (
    <form action={formAction} noValidate key={JSON.stringify(state.values ?? null)}>
      <ErrorSummary errors={e} message={state.ok === false && !e ? state.message : undefined} />
      <TextField name="leftOn" label="Last day in post" type="date" defaultValue={v.leftOn} error={e?.leftOn} className="max-w-xs" />
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
