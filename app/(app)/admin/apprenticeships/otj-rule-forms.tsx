"use client";
// Changing an off-the-job rule, adding one that takes effect from a date, and taking away one not yet in force.
import { ErrorSummary } from "@/components/forms/error-summary";
import { TextField } from "@/components/forms/text-field";
import { TextareaField } from "@/components/forms/textarea-field";
import { RadiosField } from "@/components/forms/radios-field";
import { ConfirmField } from "@/components/forms/confirm-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction, type FormAction as Action } from "@/components/forms/use-form-action";
import { MAX_HOURS_PER_WEEK, otjRuleKindWords } from "@/lib/forms/otj-rule";
import type { OtjRuleKind } from "@/lib/rules/off-the-job";
import { DateField } from "@/components/forms/date-field";
import { NOTE_MAX } from "@/lib/forms/limits";

/** The figure's label and hint for a rule of a known kind; the standard's-minimum rule has none. */
const VALUE_FIELD: Record<Exclude<OtjRuleKind, "standard_minimum">, { label: string; hint: string; className: string }> = {
  percent_of_hours: { label: "Percentage of contracted working hours", hint: "A whole number from 1 to 100, like 20", className: "max-w-24" },
  hours_per_week: {
    label: "Hours a week for a full-time apprentice",
    hint: `More than 0 and at most ${MAX_HOURS_PER_WEEK}, like 6; part-time apprentices do it pro rata`,
    className: "max-w-24",
  },
};

export function OtjRuleForm({
  action,
  mode,
  kind,
  defaults,
  warning,
}: {
  action: Action;
  mode: "create" | "edit";
  /** The rule's kind when changing one (it stays); chosen on the form when adding. */
  kind?: OtjRuleKind;
  defaults: Record<string, string>;
  /** What a change does to apprenticeships already started, shown as the form's first hint. */
  warning: string;
}) {
  const { formProps, key, values: v, errors: e, summary } = useFormAction(action, { defaults });
  const valueField = kind && kind !== "standard_minimum" ? VALUE_FIELD[kind] : undefined;
  return (
    <form {...formProps} noValidate key={key} aria-describedby="rule-warning">
      <ErrorSummary {...summary} />
      <p id="rule-warning" className="mb-6 border-l-8 border-nhs-warm-yellow bg-white p-3">
        {warning}
      </p>
      {mode === "create" ? (
        <>
          <DateField
            name="effectiveFrom"
            label="Applies to apprenticeships starting on or after"
            hint="The current rule then covers starts up to the day before"
            values={v}
            error={e?.effectiveFrom}
          />
          <RadiosField
            name="kind"
            legend="What the rule requires"
            options={otjRuleKindWords.values.map((k) => [k, otjRuleKindWords.label(k)] as const)}
            value={v.kind}
            error={e?.kind}
          />
          <TextField
            name="value"
            label="Percentage, or hours a week"
            hint={`For a percentage of hours, a whole number from 1 to 100, like 20. For hours a week, more than 0 and at most ${MAX_HOURS_PER_WEEK}, like 6. Leave empty for the standard's own minimum.`}
            inputMode="decimal"
            defaultValue={v.value}
            error={e?.value}
            autoComplete="off"
            className="max-w-24"
          />
        </>
      ) : valueField ? (
        <TextField
          name="value"
          label={valueField.label}
          hint={valueField.hint}
          inputMode="decimal"
          defaultValue={v.value}
          error={e?.value}
          autoComplete="off"
          className={valueField.className}
        />
      ) : null}
      <TextField
        name="minimumHours"
        label="Minimum hours for the whole programme (optional)"
        hint="A floor under the required hours, like 187. Leave empty for none."
        inputMode="numeric"
        defaultValue={v.minimumHours}
        error={e?.minimumHours}
        autoComplete="off"
        className="max-w-32"
      />
      <TextareaField maxChars={NOTE_MAX} name="description" label="Description" hint="The rule as the funding rules state it" rows={5} defaultValue={v.description} error={e?.description} />
      <SubmitButton pendingText="Saving…">{mode === "create" ? "Add the rule" : "Save changes"}</SubmitButton>
    </form>
  );
}

/** Taking away a rule that has not taken effect yet: the rule before it runs on. */
export function RemoveRuleForm({ action }: { action: Action }) {
  const { formProps, key, errors: e, summary } = useFormAction(action);
  return (
    <form {...formProps} noValidate key={key}>
      <ErrorSummary {...summary} />
      <ConfirmField error={e?.confirm}>Yes, take this rule away. The rule before it will cover every later start again.</ConfirmField>
      <SubmitButton pendingText="Taking it away…" className="btn-secondary">
        Take the rule away
      </SubmitButton>
    </form>
  );
}
