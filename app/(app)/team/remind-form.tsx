"use client";
// One button: remind everyone in the manager's teams who is out of date on mandatory training.
import { ErrorSummary } from "@/components/forms/error-summary";
import { SavedStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction, type FormAction } from "@/components/forms/use-form-action";
import { REMIND_AGAIN_AFTER_DAYS } from "@/lib/rules/mandatory-training";

export function RemindForm({ action, toRemind, recentlyReminded }: { action: FormAction; toRemind: number; recentlyReminded: number }) {
  const { state, formProps, refusal } = useFormAction(action);
  return (
    <form {...formProps} noValidate>
      <ErrorSummary title="Nobody was reminded" message={refusal} />
      {toRemind > 0 ? (
        <SubmitButton pendingText="Reminding…" className="btn-secondary">
          {`Remind ${toRemind === 1 ? "the 1 person" : `all ${toRemind} people`} out of date`}
        </SubmitButton>
      ) : null}
      <p className="text-sm text-nhs-secondary">
        {toRemind > 0 ? "Each gets an email listing what is out of date, if they have a login. " : ""}
        {recentlyReminded > 0 ? `${recentlyReminded} reminded in the last ${REMIND_AGAIN_AFTER_DAYS} days ${recentlyReminded === 1 ? "is" : "are"} not reminded again yet.` : ""}
      </p>
      <SavedStatus state={state} />
    </form>
  );
}
