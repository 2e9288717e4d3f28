"use client";
// The forms on a worker's apprenticeship page. Each comes back with what was typed and its errors tied to the fields
// on a refusal, and starts empty after a save. Forms that appear once per item (gateway requirements, off-the-job
// entries) give their fields ids of their own so two never share one.
import { useState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { prefixedErrors, SavedStatus } from "@/components/forms/form-status";
import { TextField } from "@/components/forms/text-field";
import { TextareaField } from "@/components/forms/textarea-field";
import { SelectField } from "@/components/forms/select-field";
import { RadiosField } from "@/components/forms/radios-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { FieldShell, describedBy } from "@/components/forms/field-shell";
import { useFormAction, type FormAction, type FormState } from "@/components/forms/use-form-action";
import { EPA_RESULTS, OTJ_ACTIVITY_TYPES, apprenticeshipStatusWords, epaResultWords, type ApprenticeshipStatus } from "@/lib/vocabulary";
import { DateField } from "@/components/forms/date-field";
import { LONG_TEXT_MAX, REASON_MAX } from "@/lib/forms/limits";

type Standard = { id: string; title: string; level: number; months: number; options: { id: string; name: string }[] };

function Problems({ state }: { state: FormState }) {
  return <ErrorSummary errors={state.fieldErrors} message={state.ok === false && !state.fieldErrors ? state.message : undefined} />;
}

export function StartForm({ action, standards, today, weeklyHours }: { action: FormAction; standards: readonly Standard[]; today: string; weeklyHours: string }) {
  const { state, formProps, key, values: v, errors: e } = useFormAction(action);
  // Once a standard is chosen only its options are offered (none, and no field, for a standard without options).
  // Before that, or before the page's JavaScript runs, every standard's options are listed by standard; the server
  // refuses an option of another standard either way.
  const [standardId, setStandardId] = useState(v.standardId ?? "");
  const chosen = standards.find((s) => s.id === standardId);
  const withOptions = (chosen ? [chosen] : standards).filter((s) => s.options.length > 0);
  return (
    <form {...formProps} noValidate key={key}>
      <Problems state={state} />
      <SelectField
        name="standardId"
        label="Apprenticeship standard"
        options={standards.map((s) => [s.id, `${s.title} (level ${s.level}, typically ${s.months} months)`] as const)}
        placeholder="Select a standard"
        defaultValue={v.standardId}
        error={e?.standardId}
        className="max-w-xl"
        onChange={(event) => setStandardId(event.target.value)}
      />
      {withOptions.length > 0 ? (
        <FieldShell name="optionId" label="Option (if the standard has options)" hint="For example the allied health therapy-support option of the senior healthcare support worker standard" error={e?.optionId}>
          <select
            key={chosen?.id ?? ""}
            id="optionId"
            name="optionId"
            defaultValue={v.optionId ?? ""}
            aria-invalid={e?.optionId ? true : undefined}
            aria-describedby={describedBy("optionId", "hint", e?.optionId)}
            className="input max-w-xl"
          >
            <option value="">No option</option>
            {withOptions.map((s) => (
              <optgroup key={s.id} label={s.title}>
                {s.options.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </FieldShell>
      ) : null}
      <TextField name="provider" label="Training provider" hint="The college, university or training provider" defaultValue={v.provider} error={e?.provider} autoComplete="off" />
      <div className="grid gap-x-6 sm:grid-cols-2">
        <DateField name="startDate" label="Start date" values={v} defaultValue={today} error={e?.startDate} />
        <DateField name="plannedEndDate" label="Planned end date" hint="The end of the practical period, before end-point assessment" values={v} error={e?.plannedEndDate} />
      </div>
      <TextField
        name="weeklyHours"
        label="Contracted hours a week"
        hint="37.5 is full time; part-time hours set the off-the-job hours pro rata"
        inputMode="decimal"
        defaultValue={v.weeklyHours ?? weeklyHours}
        error={e?.weeklyHours}
        className="max-w-[8rem]"
        autoComplete="off"
      />
      <RadiosField
        name="started"
        legend="Has it started?"
        options={[
          ["planned", "Not yet: it is planned", "The place is agreed; start it on the day the apprentice begins"],
          ["on_programme", "Yes: it is on programme"],
        ]}
        value={v.started ?? "planned"}
        error={e?.started}
      />
      <SubmitButton pendingText="Saving…">Save the apprenticeship</SubmitButton>
      <SavedStatus state={state} />
    </form>
  );
}

const STATUS_HINT = "Give the reason for a break in learning or a withdrawal; it is kept with the change";

export function StatusForm({ action, next, current, today }: { action: FormAction; next: readonly ApprenticeshipStatus[]; current: ApprenticeshipStatus; today: string }) {
  const { state, formProps, key, values: v, errors: e } = useFormAction(action);
  const words = (s: ApprenticeshipStatus) => (current === "planned" && s === "on_programme" ? "On programme (started)" : s === "on_programme" ? "On programme (back from the break)" : apprenticeshipStatusWords.label(s));
  return (
    <>
      <details className="card mt-4" open={state.ok === false ? true : undefined}>
        <summary className="cursor-pointer font-semibold text-nhs-blue">Change the status</summary>
        <form {...formProps} noValidate key={key} className="mt-4">
          <Problems state={state} />
          <SelectField name="to" label="New status" options={next.map((s) => [s, words(s)] as const)} placeholder="Select the new status" defaultValue={v.to} error={e?.to} className="max-w-md" />
          <DateField
            name="effectiveOn"
            label="Date it took effect"
            hint={current === "planned" ? "Starting: the day the apprentice began, which becomes the start date" : undefined}
            values={v}
            defaultValue={today}
            error={e?.effectiveOn}
          />
          <TextareaField maxChars={REASON_MAX} name="reason" label="Reason or note" hint={STATUS_HINT} rows={2} defaultValue={v.reason} error={e?.reason} />
          {current === "break_in_learning" ? (
            <DateField
              name="newPlannedEndDate"
              label="New planned end date (optional)"
              hint="When the apprentice returns, move the planned end by the length of the break"
              values={v}
              error={e?.newPlannedEndDate}
            />
          ) : null}
          <SubmitButton pendingText="Saving…">Change the status</SubmitButton>
        </form>
      </details>
      <SavedStatus state={state} />
    </>
  );
}

export function OtjForm({ action, today }: { action: FormAction; today: string }) {
  const { state, formProps, key, values: v, errors: e } = useFormAction(action);
  return (
    <form {...formProps} noValidate key={key}>
      <Problems state={state} />
      <div className="grid gap-x-6 sm:grid-cols-2">
        <DateField name="activityOn" label="Date" values={v} defaultValue={today} error={e?.activityOn} />
        <TextField
          name="hours"
          label="Hours"
          hint="In quarters of an hour, like 3.5; at most 12 in one day"
          inputMode="decimal"
          defaultValue={v.hours}
          error={e?.hours}
          className="max-w-[8rem]"
          autoComplete="off"
        />
      </div>
      <SelectField
        name="activityType"
        label="Kind of training"
        options={OTJ_ACTIVITY_TYPES.map((t) => [t, t] as const)}
        placeholder="Select the kind of training"
        defaultValue={v.activityType}
        error={e?.activityType}
        className="max-w-md"
      />
      <TextareaField maxChars={REASON_MAX} name="note" label="Note (optional)" hint="What was covered" rows={2} defaultValue={v.note} error={e?.note} />
      <SubmitButton pendingText="Logging…">Log the hours</SubmitButton>
      <SavedStatus state={state} />
    </form>
  );
}

/** One button that removes or unticks one thing, with a refusal shown beside it. */
export function SmallButtonForm({ action, children, label }: { action: FormAction; children: React.ReactNode; label: string }) {
  const { formProps, refusal } = useFormAction(action);
  return (
    <form {...formProps} aria-label={label} className="inline">
      <button type="submit" className="link-button">
        {children}
      </button>
      {refusal ? (
        <p role="alert" className="mt-1 font-bold text-nhs-red">
          {refusal}
        </p>
      ) : null}
    </form>
  );
}

export function ReviewForm({ action, today }: { action: FormAction; today: string }) {
  const { state, formProps, key, values: v, errors: e } = useFormAction(action);
  return (
    <form {...formProps} noValidate key={key}>
      <Problems state={state} />
      <DateField name="reviewedOn" label="Date of the review" values={v} defaultValue={today} error={e?.reviewedOn} />
      <TextField name="attendees" label="Who attended" hint="The apprentice, the employer (line manager or mentor) and the training provider" defaultValue={v.attendees} error={e?.attendees} autoComplete="off" />
      <TextareaField maxChars={LONG_TEXT_MAX} name="progress" label="Progress" rows={3} defaultValue={v.progress} error={e?.progress} />
      <TextareaField maxChars={LONG_TEXT_MAX} name="concerns" label="Concerns (optional)" rows={2} defaultValue={v.concerns} error={e?.concerns} />
      <TextareaField maxChars={LONG_TEXT_MAX} name="actions" label="Actions agreed (optional)" rows={2} defaultValue={v.actions} error={e?.actions} />
      <DateField name="nextReviewOn" label="Next review (optional)" hint="Within 12 weeks of this review" values={v} error={e?.nextReviewOn} />
      <SubmitButton pendingText="Saving…">Record the review</SubmitButton>
      <SavedStatus state={state} />
    </form>
  );
}

/** Ticks one gateway requirement; folded away until needed, with ids of its own. */
export function GatewayTickForm({ action, requirementId, label, today }: { action: FormAction; requirementId: string; label: string; today: string }) {
  const { state, formProps, key, values: v } = useFormAction(action);
  const prefix = `gw-${requirementId}`;
  const e = prefixedErrors(prefix, state.fieldErrors);
  const dateId = `${prefix}-completedOn`;
  const evidenceId = `${prefix}-evidence`;
  return (
    <details className="mt-2" open={state.ok === false ? true : undefined}>
      <summary className="cursor-pointer font-semibold text-nhs-blue">
        Tick as met<span className="sr-only">: {label}</span>
      </summary>
      <form {...formProps} noValidate key={key} aria-label={`Tick as met: ${label}`} className="mt-3">
        <ErrorSummary errors={e} message={state.ok === false && !e ? state.message : undefined} />
        <DateField id={dateId} name="completedOn" label="Date it was met" values={v} defaultValue={today} error={e?.[dateId]} />
        <FieldShell name={evidenceId} label="Evidence" error={e?.[evidenceId]}>
          <input id={evidenceId} name="evidence" defaultValue={v.evidence} aria-invalid={e?.[evidenceId] ? true : undefined} aria-describedby={describedBy(evidenceId, undefined, e?.[evidenceId])} className="input" autoComplete="off" />
        </FieldShell>
        <SubmitButton pendingText="Saving…" className="btn-secondary">
          Tick<span className="sr-only">: {label}</span>
        </SubmitButton>
      </form>
    </details>
  );
}

export function EpaForm({ action, today }: { action: FormAction; today: string }) {
  const { state, formProps, key, values: v, errors: e } = useFormAction(action);
  return (
    <form {...formProps} noValidate key={key}>
      <Problems state={state} />
      <RadiosField
        name="result"
        legend="Result"
        hint="A pass, merit or distinction completes the apprenticeship; a fail keeps it in end-point assessment for a resit"
        options={EPA_RESULTS.map((r) => [r, epaResultWords.label(r)] as const)}
        value={v.result}
        error={e?.result}
      />
      <DateField name="resultOn" label="Date of the result" values={v} defaultValue={today} error={e?.resultOn} />
      <SubmitButton pendingText="Saving…">Record the result</SubmitButton>
      <SavedStatus state={state} />
    </form>
  );
}

export function PositionForm({
  action,
  stages,
  bands,
  start,
}: {
  action: FormAction;
  stages: readonly { id: string; name: string }[];
  bands: readonly { id: string; name: string }[];
  start: { effectiveFrom: string; stageId: string; bandId: string; jobTitle: string; positionReason: string };
}) {
  const { state, formProps, key, values: v, errors: e } = useFormAction(action, { defaults: start });
  return (
    <form {...formProps} noValidate key={key}>
      <Problems state={state} />
      <DateField name="effectiveFrom" label="New position starts on" values={v} error={e?.effectiveFrom} />
      <SelectField name="stageId" label="New role" options={stages.map((s) => [s.id, s.name] as const)} placeholder="Select a role" defaultValue={v.stageId} error={e?.stageId} className="max-w-md" />
      <SelectField name="bandId" label="Band" options={bands.map((b) => [b.id, b.name] as const)} placeholder="No band" defaultValue={v.bandId} error={e?.bandId} className="max-w-xs" />
      <TextField name="jobTitle" label="Job title" defaultValue={v.jobTitle} error={e?.jobTitle} autoComplete="off" />
      <TextField name="positionReason" label="Reason on the position history" defaultValue={v.positionReason} error={e?.positionReason} autoComplete="off" />
      <SubmitButton pendingText="Saving…">Record the new position</SubmitButton>
      <SavedStatus state={state} />
    </form>
  );
}
