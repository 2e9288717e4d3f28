"use client";
// The changes an administrator makes to someone else's account. Each keeps its own message after the page refreshes.
import { changeUserRoleAction, changeUserStatusAction, issuePasswordLinkAction } from "../actions";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SelectField } from "@/components/forms/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { PasswordLinkPanel } from "@/components/password-link-panel";
import { useFormAction, type FormState, type LinkFormState } from "@/components/forms/use-form-action";
import { ROLES, roleWords, type Role, type UserStatus } from "@/lib/vocabulary";

const ROLE_OPTIONS = ROLES.map((r) => [r, roleWords.label(r)] as const);

function Done({ state }: { state: FormState }) {
  return state.ok && state.message ? (
    <p role="status" className="mb-4 border-l-8 border-nhs-green bg-nhs-grey-5 p-3 font-semibold">
      {state.message}
    </p>
  ) : null;
}

function Problem({ state, title }: { state: FormState; title: string }) {
  return <ErrorSummary title={title} errors={state.fieldErrors} message={state.ok === false && !state.fieldErrors ? state.message : undefined} />;
}

export function RoleForm({ userId, role }: { userId: string; role: Role }) {
  const { state, formProps, key, values } = useFormAction(changeUserRoleAction.bind(null, userId));
  const chosen = state.ok === false ? (values.role ?? role) : role;
  return (
    <form {...formProps} noValidate key={`${role}-${key}`}>
      <Problem state={state} title="The role was not changed" />
      <Done state={state} />
      <SelectField
        name="role"
        label="Role"
        hint="They are signed out at once, and get the new role when they sign in again."
        options={ROLE_OPTIONS}
        defaultValue={chosen}
        error={state.fieldErrors?.role}
      />
      <SubmitButton pendingText="Changing…">Change role</SubmitButton>
    </form>
  );
}

export function StatusForm({ userId, status }: { userId: string; status: UserStatus }) {
  const { state, formProps } = useFormAction(changeUserStatusAction.bind(null, userId));
  return (
    <form {...formProps} noValidate>
      <Problem state={state} title="Nothing was changed" />
      <Done state={state} />
      {status === "active" ? (
        <>
          <p className="mb-4">They are signed out at once and cannot sign in. Their records and history stay as they are.</p>
          <input type="hidden" name="status" value="disabled" />
          <SubmitButton pendingText="Disabling…" className="bg-nhs-red shadow-[0_4px_0_#6b140e] hover:bg-[#a81f15]">
            Disable account
          </SubmitButton>
        </>
      ) : (
        <>
          <p className="mb-4">They can sign in again with their password, if they have one.</p>
          <input type="hidden" name="status" value="active" />
          <SubmitButton pendingText="Re-enabling…">Re-enable account</SubmitButton>
        </>
      )}
    </form>
  );
}

export function PasswordLinkForm({ userId, passwordSet, active }: { userId: string; passwordSet: boolean; active: boolean }) {
  const { state, formProps } = useFormAction<LinkFormState>(issuePasswordLinkAction.bind(null, userId));
  return (
    <>
      {state.ok && state.link ? <PasswordLinkPanel link={state.link} heading={state.message ?? "New link created"} /> : null}
      <form {...formProps} noValidate>
        <Problem state={state} title="No link was created" />
        {!active ? (
          <p className="mb-4">Re-enable the account before giving them a new link.</p>
        ) : passwordSet ? (
          <p className="mb-4">
            Their current password stops working at once and they are signed out. They choose a new one with the link you send them.
          </p>
        ) : (
          <p className="mb-4">They have not set a password yet. A new link replaces any earlier one.</p>
        )}
        {active ? (
          <SubmitButton pendingText="Creating link…" className="btn-secondary">
            {passwordSet ? "Reset password" : "Create a new set-password link"}
          </SubmitButton>
        ) : null}
      </form>
    </>
  );
}
