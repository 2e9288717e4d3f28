import type { Metadata } from "next";
import Link from "@/components/link";
import { connection } from "next/server";
import { passwordLinkFor } from "@/db/queries/password-links";
import { organisationName } from "@/db/queries/sign-in";
import { BrandHeader } from "@/components/brand-header";
import { SetPasswordForm } from "./set-password-form";

// The token is in the address: keep it out of the Referer header of anything this page loads or links to.
export const metadata: Metadata = { title: "Choose your password", referrer: "no-referrer", robots: { index: false } };

export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  await connection(); // whether the link still works depends on the database now
  const { token } = await params;
  const link = await passwordLinkFor(token);
  return (
    <>
      <BrandHeader organisation={await organisationName()} />
      <main id="main-content" className="mx-auto max-w-xl px-4 py-8">
        <div className="card">
          {link ? (
            <>
              <h1 className="mb-2">{link.purpose === "reset" ? "Choose a new password" : "Choose your password"}</h1>
              <p className="mb-6 text-nhs-secondary">
                For {link.name}&apos;s Pathways login, <span className="break-all font-semibold text-nhs-text">{link.email}</span>. You sign in
                with this email address and the password you choose here.
              </p>
              <SetPasswordForm token={token} email={link.email} />
            </>
          ) : (
            <>
              <h1 className="mb-4">This link no longer works</h1>
              <p className="mb-4">This link has expired or has already been used; ask your manager or administrator for a new one.</p>
              <p>
                If you have already chosen your password, <Link href="/login">sign in</Link>.
              </p>
            </>
          )}
        </div>
      </main>
    </>
  );
}
