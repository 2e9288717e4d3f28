"use client";
// The administrator's choice of the framework workers are assessed against, from the published ones.
import { ErrorSummary } from "@/components/forms/error-summary";
import { SavedStatus } from "@/components/forms/form-status";
import { RadiosField, type RadioOption } from "@/components/forms/radios-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { returnedValues, useCountedAction, type FormAction } from "@/components/forms/use-counted-action";

export function AssessedFrameworkForm({ action, options, current }: { action: FormAction; options: readonly RadioOption[]; current?: string }) {
  const [state, formAction] = useCountedAction(action);
  const v = returnedValues(state);
  const e = state.fieldErrors;
  return (
    <form action={formAction} noValidate key={state.n ?? 0}>
      <ErrorSummary errors={e} message={state.ok === false && !e ? state.message : undefined} />
      <RadiosField
        name="frameworkId"
        legend="The framework workers are assessed against"
        hint="Competency pages, PDP goals and the insights use its latest published version. Assessments already made keep the statements they were made against."
        options={options}
        value={v.frameworkId ?? current}
        error={e?.frameworkId}
      />
      <SubmitButton pendingText="Saving…">Save the choice</SubmitButton>
      <SavedStatus state={state} />
    </form>
  );
}
