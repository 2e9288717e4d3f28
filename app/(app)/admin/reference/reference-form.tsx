"use client";
// Adding or changing a reference value. The fields follow the list: professions have a kind, stages a rank and levels.
import { ErrorSummary } from "@/components/forms/error-summary";
import { TextField } from "@/components/forms/text-field";
import { SelectField } from "@/components/forms/select-field";
import { TextareaField } from "@/components/forms/textarea-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction, type FormAction } from "@/components/forms/use-form-action";
import { professionKindWords, type ReferenceKind } from "@/lib/forms/reference";
import { FRAMEWORK_STAGES, PROFESSION_KINDS, frameworkStageWords } from "@/lib/vocabulary";
import { REASON_MAX } from "@/lib/forms/limits";

const KIND_OPTIONS = PROFESSION_KINDS.map((k) => [k, professionKindWords[k]] as const);
const FRAMEWORK_OPTIONS = FRAMEWORK_STAGES.map((s) => [s, frameworkStageWords.label(s)] as const);

export function ReferenceForm({
  kind,
  one,
  action,
  defaults,
  mode,
}: {
  kind: ReferenceKind;
  one: string;
  action: FormAction;
  defaults: Record<string, string>;
  mode: "create" | "edit";
}) {
  const { formProps, key, values: v, errors: e, summary } = useFormAction(action, { defaults });
  return (
    <form {...formProps} noValidate key={key}>
      <ErrorSummary {...summary} />
      <TextField name="name" label="Name" hint={`As it appears in forms and reports. No two ${one}s may share a name.`} defaultValue={v.name} error={e?.name} autoComplete="off" />
      {mode === "create" ? (
        <TextField
          name="code"
          label="Code (optional)"
          hint="Leave it empty and Pathways makes it from the name: acute-inpatient for Acute inpatient. A short, fixed identifier used by imports (lower-case letters, numbers, hyphens and underscores) that cannot be changed later."
          defaultValue={v.code}
          error={e?.code}
          className="max-w-sm font-mono"
          autoComplete="off"
          spellCheck={false}
        />
      ) : null}
      {kind === "professions" ? (
        <SelectField name="kind" label="Kind" options={KIND_OPTIONS} placeholder="Select a kind" defaultValue={v.kind} error={e?.kind} className="max-w-sm" />
      ) : null}
      {kind === "stages" ? (
        <>
          <TextField
            name="rank"
            label="Rank"
            hint="Its place on the progression ladder, from 0 (trainees and apprentices) upwards. A move to a higher rank counts as progression."
            inputMode="numeric"
            defaultValue={v.rank}
            error={e?.rank}
            className="max-w-[8rem]"
          />
          <TextField
            name="educationLevel"
            label="Education level (optional)"
            hint="The qualification level typical of the role, from 1 to 8 (2 for a support worker, 5 for an assistant practitioner)"
            inputMode="numeric"
            defaultValue={v.educationLevel}
            error={e?.educationLevel}
            className="max-w-[8rem]"
          />
          <SelectField
            name="frameworkStage"
            label="Competency framework stage (optional)"
            hint="Which stage of the HEE framework's competencies applies to someone in this role"
            options={FRAMEWORK_OPTIONS}
            placeholder="None"
            defaultValue={v.frameworkStage}
            error={e?.frameworkStage}
            className="max-w-md"
          />
          <TextareaField maxChars={REASON_MAX} name="description" label="Description (optional)" defaultValue={v.description} error={e?.description} />
        </>
      ) : null}
      <SubmitButton pendingText="Saving…">{mode === "create" ? `Add ${one}` : "Save changes"}</SubmitButton>
    </form>
  );
}
