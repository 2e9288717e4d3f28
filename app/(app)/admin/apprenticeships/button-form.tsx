"use client";
// A single button that changes one thing (retire, restore, move up or down), with the refusal shown beside it.
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction, type FormAction } from "@/components/forms/use-form-action";

export function ButtonForm({
  action,
  children,
  secondary = true,
}: {
  action: FormAction;
  children: React.ReactNode;
  secondary?: boolean;
}) {
  const { formProps, refusal } = useFormAction(action);
  return (
    <form {...formProps} className="inline">
      <SubmitButton className={secondary ? "btn-secondary" : undefined}>{children}</SubmitButton>
      {refusal ? (
        <p role="alert" className="mt-1 font-bold text-nhs-red">
          {refusal}
        </p>
      ) : null}
    </form>
  );
}
