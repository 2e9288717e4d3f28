"use client";
// Colleagues' feedback for an appraisal: asking one (chosen by name from a short list), the colleague's three short
// answers. Errors come back with what was typed.
import { ErrorSummary } from "@/components/forms/error-summary";
import { SelectField } from "@/components/forms/select-field";
import { TextareaField } from "@/components/forms/textarea-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction, type FormAction } from "@/components/forms/use-form-action";
import { FEEDBACK_ANSWER_MAX } from "@/lib/rules/appraisal-feedback";
import { FEEDBACK_QUESTIONS } from "./feedback-questions";

export function AskForFeedbackForm({ action, choices, own }: { action: FormAction; choices: ReadonlyArray<readonly [string, string]>; own: boolean }) {
  const { formProps, key, values: v, errors: e, summary } = useFormAction(action);
  return (
    <form {...formProps} noValidate key={key} className="max-w-xl">
      <ErrorSummary {...summary} />
      <SelectField
        name="inviteeId"
        label="Colleague to ask"
        hint={own ? "Your team's managers, and colleagues in your team who have a login" : "Their team's managers, and colleagues in their team who have a login"}
        options={choices}
        placeholder="Choose a colleague"
        defaultValue={v.inviteeId}
        error={e?.inviteeId}
      />
      <SubmitButton pendingText="Asking…" className="btn-secondary">
        Ask for feedback
      </SubmitButton>
    </form>
  );
}

export function GiveFeedbackForm({ action, shownAs }: { action: FormAction; shownAs: "named" | "anonymous" }) {
  const { formProps, key, values: v, errors: e, summary } = useFormAction(action);
  return (
    <form {...formProps} noValidate key={key} className="max-w-3xl">
      <ErrorSummary {...summary} />
      <input type="hidden" name="shownAs" value={shownAs} />
      {FEEDBACK_QUESTIONS.map((q) => (
        <TextareaField key={q.name} name={q.name} label={q.ask} hint={q.hint} maxChars={FEEDBACK_ANSWER_MAX} defaultValue={v[q.name]} error={e?.[q.name]} rows={4} />
      ))}
      <SubmitButton pendingText="Sending…">Give feedback</SubmitButton>
    </form>
  );
}
