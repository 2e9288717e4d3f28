"use client";
// A change made with one button (start a draft, retire or restore a statement): what it does, and why it was refused.
import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction, type FormAction } from "@/components/forms/use-form-action";

export function ButtonForm({
  action,
  label,
  pendingText,
  secondary,
  children,
}: {
  action: FormAction;
  label: string;
  pendingText: string;
  secondary?: boolean;
  children?: React.ReactNode;
}) {
  const { formProps, refusal } = useFormAction(action);
  return (
    <form {...formProps} noValidate>
      <ErrorSummary title="Nothing was changed" message={refusal} />
      {children}
      <SubmitButton pendingText={pendingText} className={secondary ? "btn-secondary" : undefined}>
        {label}
      </SubmitButton>
    </form>
  );
}
