"use client";
// One button: remind everyone in the manager's teams who is out of date on mandatory training.
import { ErrorSummary } from "@/components/forms/error-summary";
import { SavedStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction, type FormAction } from "@/components/forms/use-form-action";
import { REMIND_AGAIN_AFTER_DAYS } from "@/lib/rules/mandatory-training";

export function RemindForm({ action, toRemind, recentlyReminded, emails }: { action: FormAction; toRemind: number; recentlyReminded: number; emails: boolean }) {
  const { state, formProps, refusal } = useFormAction(action);
  return (
    <form {...formProps} noValidate>
      <ErrorSummary title="Nobody was reminded" message={refusal} />
      {toRemind > 0 ? (
        <SubmitButton pendingText="Reminding…" className="btn-secondary">
          {`Remind ${toRemind === 1 ? "the 1 person" : `all ${toRemind} people`} out of date`}
        </SubmitButton>
      ) : null}
      <p className="mt-2 text-sm text-nhs-secondary">
        {toRemind > 0
          ? emails
            ? "Each with an active login gets an email listing what is out of date; everyone sees it in their inbox. "
            : "Email is not set up here, so nobody is emailed: the reminder is recorded, and each sees what is out of date in their inbox. "
          : ""}
        {recentlyReminded > 0 ? `${recentlyReminded} reminded in the last ${REMIND_AGAIN_AFTER_DAYS} days ${recentlyReminded === 1 ? "is" : "are"} not reminded again yet.` : ""}
      </p>
      <SavedStatus state={state} />
    </form>
  );
}
