"use client";
// A single button that changes one thing (retire, restore, move up or down), with the refusal shown beside it.
import { useActionState } from "react";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialFormState, type FormState } from "@/lib/forms/state";

export function ButtonForm({
  action,
  children,
  secondary = true,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  children: React.ReactNode;
  secondary?: boolean;
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="inline">
      <SubmitButton className={secondary ? "btn-secondary" : undefined}>{children}</SubmitButton>
      {state.ok === false && state.message ? (
        <p role="alert" className="mt-1 font-bold text-nhs-red">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
