"use client";
// A change made with one button (start a draft, retire or restore a statement): what it does, and why it was refused.
import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialFormState, type FormState } from "@/lib/forms/state";

export function ButtonForm({
  action,
  label,
  pendingText,
  secondary,
  children,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  label: string;
  pendingText: string;
  secondary?: boolean;
  children?: React.ReactNode;
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <form action={formAction} noValidate>
      <ErrorSummary title="Nothing was changed" message={state.ok === false ? state.message : undefined} />
      {children}
      <SubmitButton pendingText={pendingText} className={secondary ? "btn-secondary" : undefined}>
        {label}
      </SubmitButton>
    </form>
  );
}
