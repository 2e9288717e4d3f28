"use client";
// Adding a statement to a draft version, or changing one. Domain, stage and whether it is bespoke are fixed once made.
import { ErrorSummary } from "@/components/forms/error-summary";
import { TextField } from "@/components/forms/text-field";
import { SelectField } from "@/components/forms/select-field";
import { TextareaField } from "@/components/forms/textarea-field";
import { RadiosField } from "@/components/forms/radios-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction, type FormAction } from "@/components/forms/use-form-action";
import { RENEWAL_MAX_MONTHS } from "@/lib/rules/competencies";
import { FRAMEWORK_STAGES, frameworkStageWords } from "@/lib/vocabulary";
import { NOTE_MAX, TITLE_MAX } from "@/lib/forms/limits";

type Options = ReadonlyArray<readonly [string, string]>;

const STAGE_OPTIONS = FRAMEWORK_STAGES.map((s) => [s, frameworkStageWords.label(s)] as const);
const BESPOKE_OPTIONS = [
  ["no", "No", "A statement of the framework itself, for everyone at its stage"],
  ["yes", "Yes, bespoke", "Added by a service: for everyone, or for one profession or one team"],
] as const;

export function StatementForm({
  action,
  defaults,
  mode,
  domains = [],
  professions,
  teams,
  bespoke,
}: {
  action: FormAction;
  defaults: Record<string, string>;
  mode: "create" | "edit";
  domains?: Options;
  professions: Options;
  teams: Options;
  /** When editing: whether the statement is bespoke (only then has it a profession or team). */
  bespoke?: boolean;
}) {
  const { formProps, key, values: v, errors: e, summary } = useFormAction(action, { defaults });
  return (
    <form {...formProps} noValidate key={key}>
      <ErrorSummary {...summary} />
      {mode === "create" ? (
        <>
          <SelectField name="domainId" label="Domain" options={domains} placeholder="Select a domain" defaultValue={v.domainId} error={e?.domainId} className="max-w-xl" />
          <SelectField name="stage" label="Stage" options={STAGE_OPTIONS} placeholder="Select a stage" defaultValue={v.stage} error={e?.stage} className="max-w-md" />
        </>
      ) : null}
      <TextField
        name="number"
        label="Number"
        hint="The domain's number, a dot and the item, for example 3.2 or 3.2a"
        defaultValue={v.number}
        error={e?.number}
        className="max-w-[8rem]"
        autoComplete="off"
        spellCheck={false}
      />
      <TextareaField maxChars={NOTE_MAX} name="text" label="Wording" hint="What a worker at this stage can do, so that it can be assessed." defaultValue={v.text} error={e?.text} rows={4} />
      <TextField
        name="renewalMonths"
        label="Renewal period in months (optional)"
        hint={`How long a sign-off lasts before it must be evidenced again, from 1 to ${RENEWAL_MAX_MONTHS}. Leave empty if it does not expire.`}
        inputMode="numeric"
        defaultValue={v.renewalMonths}
        error={e?.renewalMonths}
        className="max-w-[8rem]"
        autoComplete="off"
      />
      <TextField name="sourceRef" label="Source reference (optional)" hint="Where the statement comes from, for example HEE 2021, domain 3" defaultValue={v.sourceRef} error={e?.sourceRef} autoComplete="off" maxChars={TITLE_MAX} />
      {mode === "create" ? <RadiosField name="bespoke" legend="Is this a bespoke statement?" options={BESPOKE_OPTIONS} value={v.bespoke} error={e?.bespoke} /> : null}
      {mode === "create" || bespoke ? (
        <>
          <SelectField
            name="professionId"
            label="Profession (bespoke statements only)"
            hint="Only workers in this profession are assessed against it. Leave as everyone, or choose a team below instead."
            options={professions}
            placeholder="Everyone"
            defaultValue={v.professionId}
            error={e?.professionId}
            className="max-w-md"
          />
          <SelectField
            name="teamId"
            label="Team (bespoke statements only)"
            hint="Only workers in this team are assessed against it."
            options={teams}
            placeholder="Every team"
            defaultValue={v.teamId}
            error={e?.teamId}
            className="max-w-md"
          />
        </>
      ) : null}
      <SubmitButton pendingText="Saving…">{mode === "create" ? "Add statement" : "Save statement"}</SubmitButton>
    </form>
  );
}
