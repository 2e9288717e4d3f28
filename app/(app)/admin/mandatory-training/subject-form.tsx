"use client";
// Adding or changing a statutory and mandatory training subject: its name, how often it is renewed and who needs it.
import { ErrorSummary } from "@/components/forms/error-summary";
import { TextField } from "@/components/forms/text-field";
import { TextareaField } from "@/components/forms/textarea-field";
import { RadiosField } from "@/components/forms/radios-field";
import { CheckboxesField } from "@/components/forms/checkboxes-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction, type FormAction } from "@/components/forms/use-form-action";
import { NOTE_MAX, TITLE_MAX } from "@/lib/forms/limits";

type Options = ReadonlyArray<readonly [string, string]>;

export function SubjectForm({
  action,
  defaults,
  defaultLists,
  choices,
  mode,
}: {
  action: FormAction;
  defaults: Record<string, string>;
  defaultLists: Record<string, string[]>;
  choices: { stages: Options; professions: Options; careSettings: Options };
  mode: "create" | "edit";
}) {
  const { formProps, key, values: v, lists, errors: e, summary } = useFormAction(action, { defaults, defaultLists });
  return (
    <form {...formProps} noValidate key={key}>
      <ErrorSummary {...summary} />
      <TextField name="name" label="Subject" hint="As staff and the learning system know it, like Fire safety" defaultValue={v.name} error={e?.name} autoComplete="off" maxChars={TITLE_MAX} />
      <TextField
        name="renewalMonths"
        label="Renew every (months)"
        hint="12 for every year, 36 for every 3 years. Leave blank for training done once."
        inputMode="numeric"
        defaultValue={v.renewalMonths}
        error={e?.renewalMonths}
        autoComplete="off"
        className="max-w-32"
      />
      <RadiosField
        name="who"
        legend="Who needs it"
        options={[
          ["everyone", "Everyone"],
          ["chosen", "Only the roles, professions or care settings chosen below", "Anyone in one of them needs it"],
        ]}
        value={v.who}
        error={e?.who}
      />
      <details className="mb-5" open={v.who === "chosen" || !!e?.stageIds || undefined}>
        <summary className="mb-3 cursor-pointer font-semibold text-nhs-blue">Choose roles, professions and care settings</summary>
        <CheckboxesField name="stageIds" legend="Roles" options={choices.stages} defaultValues={lists.stageIds} error={e?.stageIds} />
        <CheckboxesField name="professionIds" legend="Professions" options={choices.professions} defaultValues={lists.professionIds} error={e?.professionIds} />
        <CheckboxesField
          name="careSettingIds"
          legend="Care settings"
          hint="A worker's own care setting, or their team's when they have none"
          options={choices.careSettings}
          defaultValues={lists.careSettingIds}
          error={e?.careSettingIds}
        />
      </details>
      <TextareaField maxChars={NOTE_MAX} name="description" label="Description (optional)" hint="What it covers, or where to book it" defaultValue={v.description} error={e?.description} rows={3} />
      <SubmitButton pendingText="Saving…">{mode === "create" ? "Add the subject" : "Save changes"}</SubmitButton>
    </form>
  );
}
