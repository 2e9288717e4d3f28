"use client";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { TextField } from "@/components/forms/text-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialFormState, type FormState } from "@/lib/forms/state";

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

export function StartPdpForm({ action, defaults }: { action: Action; defaults: { periodStart: string; periodEnd: string; nextReviewOn: string } }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const v = { ...defaults, ...state.values };
  const e = state.fieldErrors;
  return (
    <form action={formAction} noValidate key={JSON.stringify(state.values ?? null)}>
      <ErrorSummary errors={e} message={state.ok === false && !e ? state.message : undefined} />
      <TextField name="periodStart" label="Start of the period" type="date" defaultValue={v.periodStart} error={e?.periodStart} className="max-w-xs" />
      <TextField name="periodEnd" label="End of the period" hint="Usually a year after the start" type="date" defaultValue={v.periodEnd} error={e?.periodEnd} className="max-w-xs" />
      <TextField name="nextReviewOn" label="First review" hint="Usually three months in" type="date" defaultValue={v.nextReviewOn} error={e?.nextReviewOn} className="max-w-xs" />
      <SubmitButton pendingText="Starting…">Start the PDP</SubmitButton>
    </form>
  );
}
