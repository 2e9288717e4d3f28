"use client";
// The SMART goal form (new and edit): what, why, how success will be seen, by when; framework domains, the
// competency statements for the worker's stage (grouped per domain, folded away so it works on a phone), and support.
import { ErrorSummary } from "@/components/forms/error-summary";
import { TextField } from "@/components/forms/text-field";
import { DateField } from "@/components/forms/date-field";
import { TextareaField } from "@/components/forms/textarea-field";
import { CheckboxesField } from "@/components/forms/checkboxes-field";
import { FieldMessages, describedBy } from "@/components/forms/field-shell";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction, type FormAction } from "@/components/forms/use-form-action";
import { GOAL_TITLE_MAX, NOTE_MAX } from "@/lib/forms/limits";
import { DraftNotice } from "@/components/forms/drafts";

export type GoalFormDomain = { id: string; number: number; title: string; statements: { id: string; number: string; text: string }[] };

export type GoalFormDefaults = {
  values: Record<string, string>;
  domainIds: string[];
  statementIds: string[];
  support: string[];
};

export function GoalForm({
  action,
  domains,
  supportOptions,
  stageLabel,
  defaults,
  submitLabel,
  targetHint,
  draft,
}: {
  action: FormAction;
  domains: GoalFormDomain[];
  supportOptions: ReadonlyArray<readonly [string, string]>;
  stageLabel: string | null;
  defaults: GoalFormDefaults;
  submitLabel: string;
  targetHint: string;
  /** The draft's name (lib/forms/drafts.ts): what is typed is kept in the browser until it is saved. */
  draft?: string;
}) {
  const { formProps, key, values: v, lists, errors: e, summary, draft: kept } = useFormAction(action, {
    defaults: defaults.values,
    defaultLists: { domainIds: defaults.domainIds, statementIds: defaults.statementIds, support: defaults.support },
    draft,
  });
  // An unticked group sends nothing, so after a failure a missing list is an empty one.
  const domainIds = lists.domainIds ?? [];
  const statementIds = lists.statementIds ?? [];
  const support = lists.support ?? [];
  const withStatements = domains.filter((d) => d.statements.length > 0);

  return (
    <form {...formProps} noValidate key={key}>
      <ErrorSummary {...summary} />
      <DraftNotice draft={kept} />

      <fieldset className="mb-4">
        <legend className="mb-3 text-xl font-bold">The goal</legend>
        <TextField name="title" label="What is the goal?" hint="Say what will be learnt or done, in a sentence" defaultValue={v.title} error={e?.title} maxChars={GOAL_TITLE_MAX} />
        <TextareaField maxChars={NOTE_MAX} name="why" label="Why does it matter?" hint="For you, the people you care for, or the team" defaultValue={v.why} error={e?.why} rows={3} />
        <TextareaField maxChars={NOTE_MAX} name="successMeasure" label="How will success be seen?" hint="What someone could check: a sign-off, a certificate, a task done alone" defaultValue={v.successMeasure} error={e?.successMeasure} rows={3} />
        <DateField name="targetDate" label="Target date" hint={targetHint} values={v} error={e?.targetDate} />
      </fieldset>

      <fieldset className="mb-4">
        <legend className="mb-3 text-xl font-bold">The framework</legend>
        <CheckboxesField
          name="domainIds"
          legend="Framework domains"
          hint="Select at least one domain of the HEE AHP support worker framework"
          options={domains.map((d) => [d.id, `${d.number}. ${d.title}`] as const)}
          defaultValues={domainIds}
          error={e?.domainIds}
        />
        {withStatements.length > 0 ? (
          <fieldset
            id="statementIds"
            tabIndex={-1}
            aria-describedby={describedBy("statementIds", "hint", e?.statementIds)}
            className={`mb-5 ${e?.statementIds ? "border-l-4 border-nhs-red pl-4" : ""}`}
          >
            <legend className="label">Competency statements (optional)</legend>
            <FieldMessages
              name="statementIds"
              hint={`Statements for ${stageLabel ?? "their stage"}, by domain. Open a domain to choose.`}
              error={e?.statementIds}
            />
            <div className="space-y-2">
              {withStatements.map((d) => (
                <details key={d.id} open={d.statements.some((s) => statementIds.includes(s.id))} className="border border-nhs-grey-4 bg-white p-3">
                  <summary className="cursor-pointer font-semibold">
                    {d.number}. {d.title}
                  </summary>
                  <div className="mt-3 space-y-3">
                    {d.statements.map((s) => (
                      <label key={s.id} className="flex items-start gap-3">
                        <input
                          type="checkbox"
                          name="statementIds"
                          value={s.id}
                          defaultChecked={statementIds.includes(s.id)}
                          className="mt-1 size-6 shrink-0 accent-nhs-blue"
                        />
                        <span>
                          <span className="font-semibold">{s.number}</span> {s.text}
                        </span>
                      </label>
                    ))}
                  </div>
                </details>
              ))}
            </div>
          </fieldset>
        ) : null}
      </fieldset>

      <CheckboxesField name="support" legend="Support needed" hint="Select all that apply" options={supportOptions} defaultValues={support} error={e?.support} />

      <SubmitButton pendingText="Saving…">{submitLabel}</SubmitButton>
    </form>
  );
}
