"use client";
// The record and edit forms of a career conversation. A new one also takes its agreed next steps, as rows;
// "Add another step" comes back from the server with one more row and everything typed kept.
import { ErrorSummary } from "@/components/forms/error-summary";
import { TextField } from "@/components/forms/text-field";
import { TextareaField } from "@/components/forms/textarea-field";
import { SelectField } from "@/components/forms/select-field";
import { CheckboxesField } from "@/components/forms/checkboxes-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { FieldShell, describedBy } from "@/components/forms/field-shell";
import { ASPIRATIONS, BARRIER_CATEGORIES, INTEREST_LEVELS, aspirationWords, barrierWords, interestWords } from "@/lib/vocabulary";
import { MAX_STEP_ROWS, STEP_ROWS, stepFieldId } from "@/lib/forms/conversation";
import { useFormAction, type FormAction } from "@/components/forms/use-form-action";
import { DefaultSubmit } from "@/components/forms/default-submit";
import { RadiosField } from "@/components/forms/radios-field";
import { CharacterCount, limitId } from "@/components/forms/character-count";
import { partName, type DateParts } from "@/lib/forms/date-parts";
import { LONG_TEXT_MAX, REASON_MAX, STEP_DESCRIPTION_MAX } from "@/lib/forms/limits";
import { DateField } from "@/components/forms/date-field";
import { DraftNotice } from "@/components/forms/drafts";

type Option = readonly [string, string];

export type ConversationDefaults = { values: Record<string, string>; lists: Record<string, string[]> };


function StepRow({ index, description, dueOn, errors, autoFocus }: { index: number; description: string; dueOn: DateParts; errors?: Record<string, string>; autoFocus: boolean }) {
  const descId = stepFieldId(index, "description");
  const dueId = stepFieldId(index, "dueOn");
  return (
    <fieldset className="mb-4 border-l-4 border-nhs-grey-4 pl-4">
      <legend className="mb-2 font-bold">Step {index + 1}</legend>
      <div className="grid gap-x-6 sm:grid-cols-[1fr_auto]">
        <FieldShell name={descId} label="What will happen" error={errors?.[descId]}>
          <input
            id={descId}
            name="stepDescription"
            defaultValue={description}
            aria-invalid={errors?.[descId] ? true : undefined}
            aria-describedby={describedBy(descId, undefined, errors?.[descId], limitId(descId))}
            className="input"
            autoFocus={autoFocus}
          />
          <CharacterCount fieldId={descId} max={STEP_DESCRIPTION_MAX} />
        </FieldShell>
        <DateField id={dueId} name={STEP_DUE} label="Due by" parts={dueOn} error={errors?.[dueId]} />
      </div>
    </fieldset>
  );
}

const STEP_DUE = "stepDueOn";
/** The due date typed in row `i`, from the lists a failed or extended form sends back. */
const dueAt = (lists: Record<string, string[]>, i: number): DateParts => ({
  day: lists[partName(STEP_DUE, "day")]?.[i] ?? "",
  month: lists[partName(STEP_DUE, "month")]?.[i] ?? "",
  year: lists[partName(STEP_DUE, "year")]?.[i] ?? "",
});

export function ConversationForm({
  action,
  professions,
  defaults,
  mode,
  appraisalId,
  submitLabel,
  draft,
}: {
  action: FormAction;
  professions: ReadonlyArray<Option>;
  defaults: ConversationDefaults;
  mode: "create" | "edit";
  appraisalId?: string;
  submitLabel: string;
  /** The draft's name (lib/forms/drafts.ts): what is typed is kept in the browser until it is saved. */
  draft?: string;
}) {
  const { formProps, key, values: v, lists, errors: e, summary, draft: kept } = useFormAction(action, {
    defaults: defaults.values,
    defaultLists: defaults.lists,
    draft,
  });
  const descriptions = lists.stepDescription ?? [];
  const dueRows = lists[partName(STEP_DUE, "day")]?.length ?? 0;
  const rowCount = Math.min(Math.max(Number(v.stepRows) || STEP_ROWS, descriptions.length, dueRows), MAX_STEP_ROWS);
  const focusStep = v.focusStep === undefined ? -1 : Number(v.focusStep);

  return (
    <form {...formProps} noValidate key={key}>
      <DefaultSubmit />
      <ErrorSummary {...summary} />
      <DraftNotice draft={kept} />
      {appraisalId ? <input type="hidden" name="appraisalId" value={appraisalId} /> : null}

      <DateField name="heldOn" label="Date of the conversation" values={v} error={e?.heldOn} />

      <h2 className="mt-8 mb-4 border-t border-nhs-grey-4 pt-6">What they want to do next</h2>
      <RadiosField
        name="aspiration"
        legend="Their aspiration"
        hint="The role or stage they would like to reach next"
        options={ASPIRATIONS.map((a) => [a, aspirationWords.label(a)] as const)}
        value={v.aspiration}
        error={e?.aspiration}
      />
      <TextareaField maxChars={REASON_MAX}
        name="aspirationDetail"
        label="In their words (optional unless 'Something else')"
        hint="For example: assistant practitioner in acute physiotherapy, taking on a delegated caseload"
        rows={3}
        defaultValue={v.aspirationDetail}
        error={e?.aspirationDetail}
      />
      <SelectField
        name="targetProfessionId"
        label="Profession they would train into (optional)"
        hint="For a degree apprenticeship or to become a registered AHP"
        options={professions}
        placeholder="None chosen"
        defaultValue={v.targetProfessionId}
        error={e?.targetProfessionId}
        className="max-w-md"
      />
      <RadiosField
        name="apprenticeshipInterest"
        legend="Are they interested in an apprenticeship?"
        options={INTEREST_LEVELS.map((i) => [i, interestWords.label(i)] as const)}
        value={v.apprenticeshipInterest}
        error={e?.apprenticeshipInterest}
      />

      <h2 className="mt-8 mb-4 border-t border-nhs-grey-4 pt-6">What gets in the way</h2>
      <CheckboxesField
        name="barriers"
        legend="Barriers they face"
        hint="Select all that apply, or none"
        options={BARRIER_CATEGORIES.map((b) => [b, barrierWords.label(b)] as const)}
        defaultValues={lists.barriers ?? []}
        error={e?.barriers}
      />
      <TextField
        name="otherBarrierDetail"
        label="If other, what gets in the way"
        defaultValue={v.otherBarrierDetail}
        error={e?.otherBarrierDetail}
      />

      <h2 className="mt-8 mb-4 border-t border-nhs-grey-4 pt-6">What was discussed</h2>
      <TextareaField maxChars={LONG_TEXT_MAX}
        name="optionsDiscussed"
        label="Options discussed"
        hint="Routes, courses, apprenticeships, shadowing, funding, who else could help"
        rows={5}
        defaultValue={v.optionsDiscussed}
        error={e?.optionsDiscussed}
      />

      {mode === "create" ? (
        <>
          <h2 className="mt-8 mb-2 border-t border-nhs-grey-4 pt-6">Next steps agreed</h2>
          <p className="mb-4 text-nhs-secondary">Each step needs a due date. Leave rows you don&apos;t need empty. A step can become a PDP goal later.</p>
          {Array.from({ length: rowCount }, (_, i) => (
            <StepRow key={i} index={i} description={descriptions[i] ?? ""} dueOn={dueAt(lists, i)} errors={e} autoFocus={i === focusStep} />
          ))}
          <button type="submit" name="intent" value="add-step" formNoValidate className="btn btn-secondary mb-6">
            Add another step
          </button>
        </>
      ) : null}

      <h2 className="mt-8 mb-4 border-t border-nhs-grey-4 pt-6">Talking again</h2>
      <DateField
        name="nextConversationOn"
        label="Date of the next conversation (optional)"
        hint="After the date of this conversation"
        values={v}
        error={e?.nextConversationOn}
      />

      <SubmitButton pendingText="Saving…">{submitLabel}</SubmitButton>
    </form>
  );
}
