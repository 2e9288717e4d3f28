"use client";
// The add/edit worker form. On edit, a change of role, band, job title or team asks when it takes effect.
import { useState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { TextField } from "@/components/forms/text-field";
import { SelectField } from "@/components/forms/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction, type FormAction } from "@/components/forms/use-form-action";
import { DateField } from "@/components/forms/date-field";

type Option = readonly [string, string];

export type WorkerFormOptions = {
  teams: Option[];
  professions: Option[];
  stages: Option[];
  bands: Option[];
  careSettings: Option[];
  lineManagers: Option[];
};

type Values = Record<string, string>;

const POSITION_FIELDS = ["stageId", "bandId", "jobTitle", "teamId"];

export function WorkerForm({
  action,
  options,
  defaults,
  mode,
  submitLabel,
}: {
  action: FormAction;
  options: WorkerFormOptions;
  defaults: Values;
  mode: "create" | "edit";
  submitLabel: string;
}) {
  const { formProps, key, values: v, errors: e, summary } = useFormAction(action, { defaults });
  // Tracks whether a position field differs from the saved record, to ask for the effective date.
  const [positionChanged, setPositionChanged] = useState(() => POSITION_FIELDS.some((k) => (v[k] ?? "") !== (defaults[k] ?? "")));

  function onChange(event: React.FormEvent<HTMLFormElement>) {
    if (mode !== "edit") return;
    const form = new FormData(event.currentTarget);
    setPositionChanged(POSITION_FIELDS.some((k) => String(form.get(k) ?? "") !== (defaults[k] ?? "")));
  }

  return (
    <form {...formProps} onChange={onChange} noValidate key={key}>
      <ErrorSummary {...summary} />

      <fieldset className="mb-4">
        <legend className="mb-3 text-xl font-bold">Who they are</legend>
        <div className="grid gap-x-6 sm:grid-cols-2">
          <TextField name="firstName" label="First name" defaultValue={v.firstName} error={e?.firstName} autoComplete="off" />
          <TextField name="lastName" label="Last name" defaultValue={v.lastName} error={e?.lastName} autoComplete="off" />
        </div>
        <TextField
          name="employeeNumber"
          label="Employee number"
          hint="As in ESR: letters, numbers and hyphens"
          defaultValue={v.employeeNumber}
          error={e?.employeeNumber}
          className="max-w-xs"
          spellCheck={false}
        />
        <SelectField name="professionId" label="Profession" options={options.professions} placeholder="Select a profession" defaultValue={v.professionId} error={e?.professionId} />
      </fieldset>

      <fieldset className="mb-4">
        <legend className="mb-3 text-xl font-bold">Their post</legend>
        <TextField name="jobTitle" label="Job title" defaultValue={v.jobTitle} error={e?.jobTitle} />
        <div className="grid gap-x-6 sm:grid-cols-2">
          <SelectField name="stageId" label="Role" hint="Their level of support role" options={options.stages} placeholder="Select a role" defaultValue={v.stageId} error={e?.stageId} />
          <SelectField name="bandId" label="Agenda for Change band" options={options.bands} placeholder="Not recorded" defaultValue={v.bandId} error={e?.bandId} />
          <SelectField name="teamId" label="Team" options={options.teams} placeholder="Select a team" defaultValue={v.teamId} error={e?.teamId} />
          <SelectField name="careSettingId" label="Care setting" options={options.careSettings} placeholder="Not recorded" defaultValue={v.careSettingId} error={e?.careSettingId} />
          <SelectField name="lineManagerId" label="Line manager" options={options.lineManagers} placeholder="None" defaultValue={v.lineManagerId} error={e?.lineManagerId} />
          <TextField name="fte" label="FTE" hint="1 is full time; 0.6 is three days a week" inputMode="decimal" defaultValue={v.fte} error={e?.fte} className="max-w-[8rem]" />
        </div>
        <DateField name="contractStart" label="Start date" values={v} error={e?.contractStart} />
      </fieldset>

      {mode === "edit" ? (
        <fieldset className={`mb-6 border-l-8 border-nhs-blue bg-white p-4 ${positionChanged ? "" : "hidden"}`}>
          <legend className="sr-only">The change of post</legend>
          <p className="mb-3 font-semibold">
            You changed their role, band, job title or team. This is recorded in their position history from the date it takes effect.
          </p>
          <DateField name="effectiveFrom" label="Date the change takes effect" values={v} error={e?.effectiveFrom} />
          <TextField name="changeReason" label="Reason (optional)" hint="For example: completed the level 3 apprenticeship" defaultValue={v.changeReason} error={e?.changeReason} />
        </fieldset>
      ) : null}

      <SubmitButton pendingText="Saving…">{submitLabel}</SubmitButton>
    </form>
  );
}
