"use client";
// The administrator's choice of the framework workers are assessed against, from the published ones.
import { ErrorSummary } from "@/components/forms/error-summary";
import { SavedStatus } from "@/components/forms/form-status";
import { RadiosField, type RadioOption } from "@/components/forms/radios-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction, type FormAction } from "@/components/forms/use-form-action";

export function AssessedFrameworkForm({ action, options, current }: { action: FormAction; options: readonly RadioOption[]; current?: string }) {
  const { state, formProps, key, values, errors, summary } = useFormAction(action, { defaults: current ? { frameworkId: current } : undefined });
  return (
    <form {...formProps} noValidate key={key}>
      <ErrorSummary {...summary} />
      <RadiosField
        name="frameworkId"
        legend="The framework workers are assessed against"
        hint="Competency pages, PDP goals and the insights use its latest published version. Assessments already made keep the statements they were made against."
        options={options}
        value={values.frameworkId}
        error={errors?.frameworkId}
      />
      <SubmitButton pendingText="Saving…">Save the choice</SubmitButton>
      <SavedStatus state={state} />
    </form>
  );
}
