"use client";
// The thresholds, one row of "green from" and "amber from" per measure; errors come back with what was typed.
import { ErrorSummary } from "@/components/forms/error-summary";
import { SavedStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useFormAction, type FormAction } from "@/components/forms/use-form-action";

export type ThresholdRow = { key: string; label: string; unit: string; green: string; amber: string };

export function ThresholdsForm({ action, rows }: { action: FormAction; rows: readonly ThresholdRow[] }) {
  const { state, formProps, key, values: v, errors: e, summary } = useFormAction(action);
  return (
    <form {...formProps} noValidate key={key}>
      <ErrorSummary {...summary} />
      {rows.map((r) => (
        <fieldset key={r.key} className="mb-4 border-b border-nhs-grey-4 pb-2">
          <legend className="label text-lg">{r.label}</legend>
          <div className="grid gap-x-6 sm:grid-cols-2">
            <TextField name={`${r.key}.green`} label={`Green from (${r.unit})`} inputMode="decimal" defaultValue={v[`${r.key}.green`] ?? r.green} error={e?.[`${r.key}.green`]} className="max-w-[8rem]" autoComplete="off" />
            <TextField name={`${r.key}.amber`} label={`Amber from (${r.unit})`} inputMode="decimal" defaultValue={v[`${r.key}.amber`] ?? r.amber} error={e?.[`${r.key}.amber`]} className="max-w-[8rem]" autoComplete="off" />
          </div>
        </fieldset>
      ))}
      <SubmitButton pendingText="Saving…">Save the thresholds</SubmitButton>
      <SavedStatus state={state} />
    </form>
  );
}
