"use client";
import { useActionState } from "react";
import { archive, restore } from "../actions";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialFormState } from "@/lib/forms/state";

export function ArchiveForm({ teamId, archived }: { teamId: string; archived: boolean }) {
  const [state, action] = useActionState((archived ? restore : archive).bind(null, teamId), initialFormState);
  return (
    <form action={action} noValidate>
      <ErrorSummary title={archived ? "The team was not restored" : "The team was not archived"} message={state.ok === false ? state.message : undefined} />
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
