"use client";
// The manager's appraisal form: long, so in headed sections; last year's objectives as one fieldset each (radios for
// the outcome, a comment); new objectives as repeated fieldsets, with a button that adds a row on the server (works
// without JavaScript beyond the form itself). Whatever was typed comes back on an error.
import { useFormStatus } from "react-dom";
import { ErrorSummary } from "@/components/forms/error-summary";
import { TextField } from "@/components/forms/text-field";
import { DateField } from "@/components/forms/date-field";
import { TextareaField } from "@/components/forms/textarea-field";
import { FieldMessages } from "@/components/forms/field-shell";
import { useFormAction, type FormAction } from "@/components/forms/use-form-action";
import { objectiveRowCount } from "@/lib/forms/appraisal";
import { LONG_TEXT_MAX, OBJECTIVE_TITLE_MAX } from "@/lib/forms/limits";
import { OBJECTIVE_OUTCOMES, objectiveOutcomeWords } from "@/lib/vocabulary";
import { DefaultSubmit } from "@/components/forms/default-submit";
import { DraftNotice } from "@/components/forms/drafts";

export type AppraisalFormDefaults = {
  heldOn: string;
  achievements: string;
  wellbeing: string;
  feedback: string;
  trainingNeeds: string;
  appraiserSummary: string;
  reviews: Array<{ id: string; objective: string; outcome: string | null; comment: string }>;
  objectives: Array<{ id: string; title: string; successMeasure: string; targetDate: string | null; goalId: string | null }>;
};

type Values = Record<string, string>;

function flatten(d: AppraisalFormDefaults): Values {
  const v: Values = {
    heldOn: d.heldOn,
    achievements: d.achievements,
    wellbeing: d.wellbeing,
    feedback: d.feedback,
    trainingNeeds: d.trainingNeeds,
    appraiserSummary: d.appraiserSummary,
  };
  d.reviews.forEach((r, i) => {
    v[`reviews.${i}.id`] = r.id;
    v[`reviews.${i}.outcome`] = r.outcome ?? "";
    v[`reviews.${i}.comment`] = r.comment;
  });
  const objectives = d.objectives.length > 0 ? d.objectives : [{ id: "", title: "", successMeasure: "", targetDate: null }];
  objectives.forEach((o, i) => {
    v[`objectives.${i}.id`] = o.id;
    v[`objectives.${i}.title`] = o.title;
    v[`objectives.${i}.successMeasure`] = o.successMeasure;
    v[`objectives.${i}.targetDate`] = o.targetDate ?? "";
  });
  return v;
}

export function AppraisalForm({
  action,
  defaults,
  version,
  workerFirstName,
  draft,
}: {
  action: FormAction;
  defaults: AppraisalFormDefaults;
  /** Changes whenever the appraisal is saved, so the form re-reads what was stored. */
  version: string;
  workerFirstName: string;
  /** The draft's name (lib/forms/drafts.ts): what is typed is kept in the browser until it is saved. */
  draft?: string;
}) {
  const { state, formProps, key, values: v, draft: kept } = useFormAction(action, { defaults: flatten(defaults), draft });
  const e = state.fieldErrors ?? {};
  const hasErrors = Object.keys(e).length > 0;
  const rows = objectiveRowCount(v);
  const goalFor = new Map(defaults.objectives.map((o) => [o.id, o.goalId]));

  return (
    <form {...formProps} noValidate key={`${version}|${key}`}>
      <DefaultSubmit name="intent" value="save" />
      <DraftNotice draft={kept} />
      <ErrorSummary
        title={hasErrors && state.message && state.message !== "There is a problem" ? state.message : undefined}
        errors={state.fieldErrors}
        message={state.ok === false && !hasErrors ? state.message : undefined}
      />
      {state.ok && state.message ? (
        <p role="status" className="mb-4 border-l-8 border-nhs-green bg-white p-3 font-semibold">
          {state.message}
        </p>
      ) : null}

      <section aria-labelledby="meeting-heading" className="mb-8">
        <h2 id="meeting-heading" className="mb-3">
          The meeting
        </h2>
        <DateField name="heldOn" label="Date the meeting was held" values={v} error={e.heldOn} />
      </section>

      <section aria-labelledby="reviews-heading" className="mb-8">
        <h2 id="reviews-heading" className="mb-1">
          Last year&apos;s objectives
        </h2>
        <div id="reviews" tabIndex={-1} className={e.reviews ? "border-l-4 border-nhs-red pl-4" : undefined}>
          <FieldMessages name="reviews" hint="From the last appraisal and the PDP. Mark each one met, partly met or not met." error={e.reviews} />
          {defaults.reviews.length === 0 ? <p className="mt-2">There are no objectives from last year to review.</p> : null}
          {defaults.reviews.map((r, i) => {
            const name = `reviews.${i}.outcome`;
            return (
              <fieldset key={r.id} className="card mt-3" aria-describedby={e[name] ? `${name}-error` : undefined}>
                <legend className="px-1 font-bold">{r.objective}</legend>
                <input type="hidden" name={`reviews.${i}.id`} value={v[`reviews.${i}.id`] ?? r.id} />
                <FieldMessages name={name} error={e[name]} />
                <div className="mb-4 flex flex-wrap gap-x-6 gap-y-2" id={name} tabIndex={-1}>
                  {OBJECTIVE_OUTCOMES.map((outcome) => (
                    <label key={outcome} className="flex items-center gap-2">
                      <input type="radio" name={name} value={outcome} defaultChecked={v[name] === outcome} className="size-6 accent-nhs-blue" />
                      <span>{objectiveOutcomeWords.label(outcome)}</span>
                    </label>
                  ))}
                </div>
                <TextareaField maxChars={LONG_TEXT_MAX} name={`reviews.${i}.comment`} label="Comment" defaultValue={v[`reviews.${i}.comment`]} error={e[`reviews.${i}.comment`]} rows={2} />
              </fieldset>
            );
          })}
        </div>
      </section>

      <section aria-labelledby="year-heading" className="mb-8">
        <h2 id="year-heading" className="mb-3">
          The year
        </h2>
        <TextareaField maxChars={LONG_TEXT_MAX} name="achievements" label="Achievements" defaultValue={v.achievements} error={e.achievements} />
        <TextareaField maxChars={LONG_TEXT_MAX} name="wellbeing" label="Wellbeing" hint={`How ${workerFirstName} is, and any support they need`} defaultValue={v.wellbeing} error={e.wellbeing} />
        <TextareaField maxChars={LONG_TEXT_MAX} name="feedback" label="Feedback" hint="From colleagues, patients and the appraiser" defaultValue={v.feedback} error={e.feedback} />
        <TextareaField maxChars={LONG_TEXT_MAX} name="trainingNeeds" label="Training and development needs" defaultValue={v.trainingNeeds} error={e.trainingNeeds} />
      </section>

      <section aria-labelledby="objectives-heading" className="mb-8">
        <h2 id="objectives-heading" className="mb-1">
          New objectives
        </h2>
        <p className="hint">For the coming year. Once saved, they can be added to the PDP as goals.</p>
        {Array.from({ length: rows }, (_, i) => {
          const id = v[`objectives.${i}.id`] ?? "";
          const goalId = id ? goalFor.get(id) : null;
          return (
            <fieldset key={i} className="card mt-3">
              <legend className="px-1 font-bold">New objective {i + 1}</legend>
              <input type="hidden" name={`objectives.${i}.id`} value={id} />
              <TextField
                name={`objectives.${i}.title`}
                label="Objective"
                defaultValue={v[`objectives.${i}.title`]}
                error={e[`objectives.${i}.title`]}
                maxChars={OBJECTIVE_TITLE_MAX}
              />
              <TextareaField maxChars={LONG_TEXT_MAX}
                name={`objectives.${i}.successMeasure`}
                label="How success will be seen"
                defaultValue={v[`objectives.${i}.successMeasure`]}
                error={e[`objectives.${i}.successMeasure`]}
                rows={2}
              />
              <DateField name={`objectives.${i}.targetDate`} label="Target date" values={v} error={e[`objectives.${i}.targetDate`]} />
              {id && goalId ? (
                <p className="text-nhs-secondary">Already a goal in the PDP, so it stays here.</p>
              ) : id ? (
                <label className="flex items-center gap-3">
                  <input type="checkbox" name={`objectives.${i}.remove`} value="1" defaultChecked={v[`objectives.${i}.remove`] === "1"} className="size-6 accent-nhs-blue" />
                  <span>Remove this objective when saving</span>
                </label>
              ) : null}
            </fieldset>
          );
        })}
        <button type="submit" name="intent" value="add_objective" className="btn btn-secondary mt-4">
          Add another objective
        </button>
      </section>

      <section aria-labelledby="summary-heading" className="mb-8">
        <h2 id="summary-heading" className="mb-3">
          Appraiser&apos;s summary
        </h2>
        <TextareaField maxChars={LONG_TEXT_MAX} name="appraiserSummary" label="Summary" hint="Needed before the appraisal goes for sign-off" defaultValue={v.appraiserSummary} error={e.appraiserSummary} rows={5} />
      </section>

      <div className="flex flex-wrap gap-4">
        <button type="submit" name="intent" value="save" className="btn">
          Save
        </button>
        <button type="submit" name="intent" value="send" className="btn btn-secondary">
          Save and send to {workerFirstName} for sign-off
        </button>
      </div>
      <SavingNote />
    </form>
  );
}

/** Announces a save in progress (the buttons carry the intent, so they are plain buttons, not SubmitButton). */
function SavingNote() {
  const { pending } = useFormStatus();
  return (
    <p role="status" className="mt-2 text-nhs-secondary">
      {pending ? "Saving…" : ""}
    </p>
  );
}
