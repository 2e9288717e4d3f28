"use client";
// The forms on a worker's mandatory training page: record a completion, and per completion "remove" (folded away).
// On error each comes back with what was typed; on success the form starts empty again.
import { ErrorSummary } from "@/components/forms/error-summary";
import { SavedStatus } from "@/components/forms/form-status";
import { TextField } from "@/components/forms/text-field";
import { SelectField } from "@/components/forms/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { DateField } from "@/components/forms/date-field";
import { FoldedReasonForm } from "@/components/forms/folded-reason-form";
import { useFormAction, type FormAction } from "@/components/forms/use-form-action";
import { REASON_MAX } from "@/lib/forms/limits";

export function CompletionForm({ action, subjects }: { action: FormAction; subjects: ReadonlyArray<{ id: string; name: string; needed: boolean }> }) {
  const { state, formProps, key, values: v, errors: e, summary } = useFormAction(action);
  const needed = subjects.filter((s) => s.needed);
  const others = subjects.filter((s) => !s.needed);
  return (
    <form {...formProps} noValidate key={key}>
      <ErrorSummary {...summary} />
      <SelectField
        name="subjectId"
        label="Training completed"
        options={[...needed, ...others].map((s) => [s.id, s.needed ? s.name : `${s.name} (not needed in their role)`] as const)}
        placeholder="Select the training"
        defaultValue={v.subjectId}
        error={e?.subjectId}
        className="max-w-xl"
      />
      <DateField name="completedOn" label="Date completed" hint="The date on the certificate or in the learning system: it runs out from then" values={v} error={e?.completedOn} />
      <TextField name="note" label="Note (optional)" hint="For example: the course or the certificate number" defaultValue={v.note} error={e?.note} autoComplete="off" maxChars={REASON_MAX} />
      <SubmitButton pendingText="Saving…">Record the completion</SubmitButton>
      <SavedStatus state={state} />
    </form>
  );
}

/** Removes a completion recorded in error, with the reason; it stays in the history. */
export function RemoveCompletionForm({ action, completionId, what }: { action: FormAction; completionId: string; what: string }) {
  return (
    <FoldedReasonForm
      action={action}
      prefix={`remove-${completionId}`}
      what={what}
      open="Remove"
      label="Why is it being removed?"
      hint="The worker sees this reason on their record"
      submit="Remove the completion"
      pending="Removing…"
      summaryClassName="text-sm font-semibold"
    />
  );
}
