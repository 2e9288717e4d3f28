"use client";
import { useState } from "react";
import Link from "@/components/link";
import { addUserAction } from "../actions";
import { ErrorSummary } from "@/components/forms/error-summary";
import { TextField } from "@/components/forms/text-field";
import { SelectField } from "@/components/forms/select-field";
import { CheckboxesField } from "@/components/forms/checkboxes-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { PasswordLinkPanel } from "@/components/password-link-panel";
import { useFormAction, type LinkFormState } from "@/components/forms/use-form-action";
import { STAFF_ROLES } from "@/lib/forms/user";
import { roleWords } from "@/lib/vocabulary";

const ROLE_OPTIONS = STAFF_ROLES.map((r) => [r, roleWords.label(r)] as const);

type Option = readonly [string, string];

/** `teams`: the organisation's live teams, for a new manager to manage. */
export function NewUserForm({ teams }: { teams: readonly Option[] }) {
  // "Add another user" starts a fresh form (and forgets the link just shown) by remounting it.
  const [round, setRound] = useState(0);
  return <NewUser key={round} teams={teams} another={() => setRound((n) => n + 1)} />;
}

function NewUser({ teams, another }: { teams: readonly Option[]; another: () => void }) {
  const { state, formProps, key, values: v, lists, errors: e, summary } = useFormAction<LinkFormState>(addUserAction);
  if (state.ok && state.link) {
    return (
      <>
        <PasswordLinkPanel link={state.link} heading={`Login created for ${state.link.name}`} />
        <div className="flex flex-wrap items-center gap-6">
          <button type="button" className="btn btn-secondary" onClick={another}>
            Add another user
          </button>
          <Link href="/admin/users">Back to users</Link>
        </div>
      </>
    );
  }
  return (
    <form {...formProps} noValidate key={key}>
      <ErrorSummary {...summary} />
      <TextField name="name" label="Full name" defaultValue={v.name} error={e?.name} autoComplete="off" />
      <TextField
        name="email"
        label="Work email address"
        hint="They sign in with this. It must not belong to another user."
        type="email"
        defaultValue={v.email}
        error={e?.email}
        autoComplete="off"
        spellCheck={false}
      />
      <SelectField name="role" label="Role" options={ROLE_OPTIONS} placeholder="Select a role" defaultValue={v.role} error={e?.role} className="max-w-xs" />
      {teams.length > 0 ? (
        // Asked only of a manager: shown by CSS once "Manager" is the chosen role, so it works without JavaScript.
        <div className="hidden border-l-4 border-nhs-grey-4 pl-4 [form:has(option[value=manager]:checked)_&]:block">
          <CheckboxesField
            name="teamIds"
            legend="Teams they manage"
            hint="They see and manage the support workers in these teams. You can change this later on each team's page."
            options={teams}
            defaultValues={lists.teamIds ?? []}
            error={e?.teamIds}
          />
        </div>
      ) : null}
      <SubmitButton pendingText="Creating…">Create login</SubmitButton>
    </form>
  );
}
