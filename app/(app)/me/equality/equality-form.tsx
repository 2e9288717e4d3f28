"use client";
// The equality monitoring questions: each optional, each with "Prefer not to say", and a way to take every answer back.
import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { RadiosField, type RadioOption } from "@/components/forms/radios-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialFormState, type FormState } from "@/lib/forms/state";
import { AGE_BANDS, DISABILITY_ANSWERS, ETHNIC_GROUPS, SEX_ANSWERS, ageBandWords, disabilityWords, ethnicGroupWords, sexWords } from "@/lib/vocabulary";

const NOT_ANSWERED: RadioOption = ["", "Leave unanswered"];
const options = <T extends string>(values: readonly T[], label: (v: T) => string): RadioOption[] => [...values.map((v) => [v, label(v)] as const), NOT_ANSWERED];

export function EqualityForm({
  action,
  defaults,
  hasAnswers,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  defaults: Record<"ethnicGroup" | "disability" | "sex" | "ageBand", string>;
  hasAnswers: boolean;
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  const v = state.values ?? defaults;
  const e = state.fieldErrors;
  return (
    <form action={formAction} noValidate>
      <ErrorSummary errors={e} message={state.ok === false && !e ? state.message : undefined} />
      <RadiosField
        name="ethnicGroup"
        legend="What is your ethnic group?"
        hint="The broad groups of the 2021 census for England"
        options={options(ETHNIC_GROUPS, ethnicGroupWords.label)}
        value={v.ethnicGroup ?? ""}
        error={e?.ethnicGroup}
      />
      <RadiosField
        name="disability"
        legend="Do you consider yourself to have a disability or long-term health condition?"
        hint="As the Equality Act 2010 describes it: a condition that has a substantial, long-term effect on day-to-day activities"
        options={options(DISABILITY_ANSWERS, disabilityWords.label)}
        value={v.disability ?? ""}
        error={e?.disability}
      />
      <RadiosField name="sex" legend="What is your sex?" options={options(SEX_ANSWERS, sexWords.label)} value={v.sex ?? ""} error={e?.sex} />
      <RadiosField name="ageBand" legend="What is your age?" options={options(AGE_BANDS, ageBandWords.label)} value={v.ageBand ?? ""} error={e?.ageBand} />
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pendingText="Saving…">Save my answers</SubmitButton>
        {hasAnswers ? (
          <button type="submit" name="intent" value="clear" className="btn btn-secondary">
            Remove all my answers
          </button>
        ) : null}
      </div>
    </form>
  );
}
