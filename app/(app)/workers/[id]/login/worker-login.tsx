"use client";
import Link from "@/components/link";
import { createWorkerLoginAction, renewWorkerLinkAction } from "./actions";
import { ErrorSummary } from "@/components/forms/error-summary";
import { TextField } from "@/components/forms/text-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { PasswordLinkPanel } from "@/components/password-link-panel";
import { useFormAction, type LinkFormState } from "@/components/forms/use-form-action";

type Login = { id: string; email: string; status: "active" | "disabled"; passwordSet: boolean } | null;

export function WorkerLogin({
  workerId,
  name,
  left,
  login,
  adminHref,
}: {
  workerId: string;
  name: string;
  left: boolean;
  login: Login;
  adminHref?: string;
}) {
  const create = useFormAction<LinkFormState>(createWorkerLoginAction.bind(null, workerId));
  const renew = useFormAction<LinkFormState>(renewWorkerLinkAction.bind(null, workerId));
  const link = renew.state.link ?? create.state.link;
  const back = (
    <p className="mt-6">
      <Link href={`/workers/${workerId}`}>Back to {name}</Link>
    </p>
  );

  if (link) {
    return (
      <>
        <PasswordLinkPanel
          link={link}
          heading={renew.state.link ? "New set-password link" : `Login created for ${name}`}
          message={(renew.state.link ? renew.state.message : create.state.message) ?? undefined}
        />
        {back}
      </>
    );
  }

  if (left) return <p className="card">{name} has left, so they cannot be given a login.</p>;

  if (login) {
    return (
      <div className="card">
        <p className="mb-4">
          {name} already has a login: <strong className="break-all">{login.email}</strong>.
        </p>
        {login.status === "disabled" ? (
          <p>It is disabled. Ask an administrator if it should be re-enabled.</p>
        ) : login.passwordSet ? (
          <p>They have set their password. If they have forgotten it, an administrator can reset it.</p>
        ) : (
          <form {...renew.formProps} noValidate>
            <ErrorSummary title="No link was created" message={renew.refusal} />
            <p className="mb-4">They have not set their password yet. If their link has expired or was lost, create a new one; it replaces the old link.</p>
            <SubmitButton pendingText="Creating link…">Create a new set-password link</SubmitButton>
          </form>
        )}
        {adminHref ? (
          <p className="mt-4">
            <Link href={adminHref}>Manage this login</Link>
          </p>
        ) : null}
      </div>
    );
  }

  const { values: v, errors: e } = create;
  return (
    <form {...create.formProps} noValidate key={create.key}>
      <ErrorSummary {...create.summary} />
      <TextField
        name="email"
        label={`${name}'s work email address`}
        hint="They sign in with this, and the link to choose a password can be sent to it."
        type="email"
        defaultValue={v.email}
        error={e?.email}
        autoComplete="off"
        spellCheck={false}
      />
      <SubmitButton pendingText="Creating…">Create login</SubmitButton>
    </form>
  );
}
