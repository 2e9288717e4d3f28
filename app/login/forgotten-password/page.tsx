import type { Metadata } from "next";
import { connection } from "next/server";
import Link from "@/components/link";
import { BrandHeader } from "@/components/brand-header";
import { HelpContact } from "@/components/help-contact";
import { entraEnabled } from "@/lib/auth";
import { emailsLinks } from "@/lib/env";
import { LINK_LIFETIME_HOURS } from "@/lib/rules/password-links";
import { organisationName } from "@/db/queries/sign-in";
import { ForgottenPasswordForm } from "./forgotten-password-form";

export const metadata: Metadata = { title: "Forgotten your password" };

export default async function ForgottenPasswordPage() {
  await connection(); // whether email is set up is the server's setting now, not at build time
  const organisation = await organisationName();
  return (
    <>
      <BrandHeader organisation={organisation} />
      <main id="main-content" className="mx-auto max-w-xl px-4 py-8">
        <div className="card">
          <h1 className="mb-4">Forgotten your password</h1>
          {emailsLinks() ? (
            <>
              <p className="mb-6">
                Enter the email address you sign in with. If it belongs to a Pathways login, we will email a link to it to
                choose a new password. Your password stays as it is until you use the link.
              </p>
              <ForgottenPasswordForm lifetimeHours={LINK_LIFETIME_HOURS} />
            </>
          ) : (
            <>
              <p className="mb-4">
                Pathways{organisation ? ` at ${organisation}` : ""} does not send emails, so it cannot send you a link
                itself.
              </p>
              <p className="mb-4">
                Ask your <strong>Pathways administrator</strong> for a link to choose a new password. If you do not know
                who that is, ask your manager: they can find out for you.
              </p>
              <p className="mb-4">
                <HelpContact lead="Or contact" />
              </p>
            </>
          )}
          {entraEnabled() ? (
            <p className="mb-4">
              If you sign in with Microsoft, your organisation looks after that password, not Pathways:{" "}
              <HelpContact lead="contact" />
            </p>
          ) : null}
          <p className="mt-6">
            <Link href="/login">Back to sign in</Link>
          </p>
        </div>
      </main>
    </>
  );
}
