"use client";
// Adding an apprenticeship standard or changing one (the reference is fixed once added).
import { ErrorSummary } from "@/components/forms/error-summary";
import { TextField } from "@/components/forms/text-field";
import { SelectField } from "@/components/forms/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction, type FormAction } from "@/components/forms/use-form-action";
import { TITLE_MAX } from "@/lib/forms/limits";

export function StandardForm({
  action,
  defaults,
  professions,
  mode,
}: {
  action: FormAction;
  defaults: Record<string, string>;
  professions: ReadonlyArray<readonly [string, string]>;
  mode: "create" | "edit";
}) {
  const { formProps, key, values: v, errors: e, summary } = useFormAction(action, { defaults });
  return (
    <form {...formProps} noValidate key={key}>
      <ErrorSummary {...summary} />
      {mode === "create" ? (
        <TextField
          name="reference"
          label="Reference"
          hint="The Institute's reference for the standard, like ST0217"
          defaultValue={v.reference}
          error={e?.reference}
          autoComplete="off"
          spellCheck={false}
          className="max-w-40"
        />
      ) : null}
      <TextField name="title" label="Title" defaultValue={v.title} error={e?.title} autoComplete="off" maxChars={TITLE_MAX} />
      <TextField name="level" label="Level" hint="From 2 to 7" inputMode="numeric" defaultValue={v.level} error={e?.level} autoComplete="off" className="max-w-24" />
      <TextField
        name="typicalDurationMonths"
        label="Typical duration in months"
        inputMode="numeric"
        defaultValue={v.typicalDurationMonths}
        error={e?.typicalDurationMonths}
        autoComplete="off"
        className="max-w-24"
      />
      <TextField
        name="otjMinimumHours"
        label="Off-the-job minimum hours (optional)"
        hint="The standard's own published minimum for the whole programme, which applies to starts from 1 August 2025. Check it against the published figure. Leave empty if it is not known."
        inputMode="numeric"
        defaultValue={v.otjMinimumHours}
        error={e?.otjMinimumHours}
        autoComplete="off"
        className="max-w-32"
      />
      <SelectField
        name="professionId"
        label="Registered profession (optional)"
        hint="For a degree apprenticeship, the profession it leads to"
        options={professions}
        placeholder="None"
        defaultValue={v.professionId}
        error={e?.professionId}
        className="max-w-md"
      />
      <SubmitButton pendingText="Saving…">{mode === "create" ? "Add standard" : "Save changes"}</SubmitButton>
    </form>
  );
}
