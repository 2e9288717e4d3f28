"use client";
// The worker's preparation for their appraisal: five questions, saved to come back to, or shared with their manager.
// What is typed is kept in the browser until it is saved (a draft), and comes back with any error.
import { useFormStatus } from "react-dom";
import { ErrorSummary } from "@/components/forms/error-summary";
import { TextareaField } from "@/components/forms/textarea-field";
import { DefaultSubmit } from "@/components/forms/default-submit";
import { DraftNotice } from "@/components/forms/drafts";
import { useFormAction, type FormAction } from "@/components/forms/use-form-action";
import { LONG_TEXT_MAX } from "@/lib/forms/limits";
import { PREPARATION_QUESTIONS, type PreparationAnswers } from "./preparation-questions";

export function PreparationForm({
  action,
  defaults,
  shared,
  version,
  draft,
}: {
  action: FormAction;
  defaults: PreparationAnswers;
  /** Already shared: saving shares the changes too, so there is one button. */
  shared: boolean;
  /** Changes whenever the preparation is saved, so the form re-reads what was stored. */
  version: string;
  draft?: string;
}) {
  const { state, formProps, key, values: v, draft: kept } = useFormAction(action, { defaults, draft });
  const e = state.fieldErrors ?? {};
  const hasErrors = Object.keys(e).length > 0;
  return (
    <form {...formProps} noValidate key={`${version}|${key}`} className="max-w-3xl">
      <DefaultSubmit name="intent" value={shared ? "share" : "save"} />
      <DraftNotice draft={kept} />
      <ErrorSummary errors={state.fieldErrors} message={state.ok === false && !hasErrors ? state.message : undefined} />
      {state.ok && state.message ? (
        <p role="status" className="mb-4 border-l-8 border-nhs-green bg-white p-3 font-semibold">
          {state.message}
        </p>
      ) : null}
      {PREPARATION_QUESTIONS.map((q) => (
        <TextareaField key={q.name} maxChars={LONG_TEXT_MAX} name={q.name} label={q.ask} hint={q.hint} defaultValue={v[q.name]} error={e[q.name]} rows={4} />
      ))}
      <div className="flex flex-wrap gap-4">
        {shared ? (
          <button type="submit" name="intent" value="share" className="btn">
            Save changes
          </button>
        ) : (
          <>
            <button type="submit" name="intent" value="share" className="btn">
              Share with my manager
            </button>
            <button type="submit" name="intent" value="save" className="btn btn-secondary">
              Save and come back later
            </button>
          </>
        )}
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
