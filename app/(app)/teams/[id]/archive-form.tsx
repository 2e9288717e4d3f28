"use client";
import { archiveTeamAction, restoreTeamAction } from "../actions";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";

export function ArchiveForm({ teamId, archived }: { teamId: string; archived: boolean }) {
  const { formProps, refusal } = useFormAction((archived ? restoreTeamAction : archiveTeamAction).bind(null, teamId));
  return (
    <form {...formProps} noValidate>
      <ErrorSummary title={archived ? "The team was not restored" : "The team was not archived"} message={refusal} />
      {archived ? (
        <>
          <p className="mb-4">It comes back in forms and lists, with its managers and professions as they were.</p>
          <SubmitButton pendingText="Restoring…">Restore team</SubmitButton>
        </>
      ) : (
        <>
          <p className="mb-4">
            An archived team leaves the forms and lists; workers&apos; histories keep it. Only a team with no support workers in post can be
            archived.
          </p>
          <SubmitButton pendingText="Archiving…" className="btn-secondary">
            Archive team
          </SubmitButton>
        </>
      )}
    </form>
  );
}
