"use client";
// The admin's add/edit team form: name, service, professions, care setting and managers.
import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { TextField } from "@/components/forms/text-field";
import { SelectField } from "@/components/forms/select-field";
import { CheckboxesField } from "@/components/forms/checkboxes-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialFormState, type FormState } from "@/lib/forms/state";

type Option = readonly [string, string];

export type TeamFormChoices = { professions: Option[]; careSettings: Option[]; managers: Option[] };
export type TeamFormDefaults = { name?: string; service?: string; careSettingId?: string; professionIds?: string[]; managerIds?: string[] };

export function TeamForm({
  action,
  choices,
  defaults,
  submitLabel,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  choices: TeamFormChoices;
  defaults: TeamFormDefaults;
  submitLabel: string;
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  const e = state.fieldErrors;
  // After a refused save, show what was sent (an unticked group sends nothing, so it comes back empty).
  const sent = state.values !== undefined;
  const v: Record<string, string | undefined> = sent
    ? (state.values ?? {})
    : { name: defaults.name, service: defaults.service, careSettingId: defaults.careSettingId };
  const lists = state.lists ?? {};
  return (
    <form action={formAction} noValidate key={JSON.stringify(state.lists ?? null)}>
      <ErrorSummary errors={e} message={state.ok === false && !e ? state.message : undefined} />
      <TextField name="name" label="Team name" hint="Unique in the organisation, for example Acute Physiotherapy" defaultValue={v.name} error={e?.name} autoComplete="off" />
      <TextField name="service" label="Service (optional)" hint="The service the team belongs to, for example Adult community therapy" defaultValue={v.service} error={e?.service} autoComplete="off" />
      <SelectField
        name="careSettingId"
        label="Care setting (optional)"
        options={choices.careSettings}
        placeholder="Not recorded"
        defaultValue={v.careSettingId}
        error={e?.careSettingId}
        className="max-w-md"
      />
      <CheckboxesField
        name="professionIds"
        legend="Professions (optional)"
        hint="The professions of the support workers in the team"
        options={choices.professions}
        defaultValues={sent ? (lists.professionIds ?? []) : (defaults.professionIds ?? [])}
        error={e?.professionIds}
      />
      {choices.managers.length ? (
        <CheckboxesField
          name="managerIds"
          legend="Managers (optional)"
          hint="They see and manage the support workers in this team"
          options={choices.managers}
          defaultValues={sent ? (lists.managerIds ?? []) : (defaults.managerIds ?? [])}
          error={e?.managerIds}
        />
      ) : (
        <p className="mb-5">There are no active managers yet. Add one under Users, then come back to make them this team&apos;s manager.</p>
      )}
      <SubmitButton pendingText="Saving…">{submitLabel}</SubmitButton>
    </form>
  );
}
