import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser, entraEnabled } from "@/lib/auth";
import { demoMode } from "@/lib/env";
import { homeFor } from "@/lib/roles";
import { safeRedirect } from "@/lib/safe-redirect";
import Link from "@/components/link";
import { needsFirstAdmin, organisationName } from "@/db/queries/sign-in";
import { LoginForm } from "./login-form";
import { logInWithMicrosoft } from "./actions";
import { BrandHeader } from "@/components/brand-header";

export const metadata: Metadata = { title: "Sign in" };

const DEMO_LOGINS = [
  ["admin@demo.test", "Administrator"],
  ["lead@demo.test", "AHP professional lead"],
  ["manager@demo.test", "Manager: Acute Physiotherapy, Community OT"],
  ["manager2@demo.test", "Manager: Children's SLT, Dietetics"],
  ["worker@demo.test", "Support worker in manager@demo.test's team"],
  ["worker2@demo.test", "Support worker in manager2@demo.test's team"],
] as const;

type Search = Promise<{ callbackUrl?: string; expired?: string; signedOut?: string; error?: string; passwordSet?: string }>;

export default async function LoginPage({ searchParams }: { searchParams: Search }) {
  const params = await searchParams;
  // Where to go afterwards: a page on this site, or home (lib/safe-redirect.ts refuses anywhere else).
  const back = safeRedirect(params.callbackUrl);
  const user = await currentUser();
  if (user) redirect(back === "/" ? homeFor(user.role) : back);
  const demo = demoMode();
  if (!demo && await needsFirstAdmin()) redirect("/setup");

  const notice = params.passwordSet
    ? "Your password is set. Sign in with your email address and your new password."
    : params.expired
      ? back === "/"
        ? "Your session has ended. Sign in again to carry on."
        : "Your session has ended. Sign in again to go back to the page you were on."
      : params.signedOut
        ? "You have signed out."
        : params.error === "AccessDenied"
          ? "Your Microsoft account is not linked to a Pathways account. Ask your Pathways administrator to add you, using the same email address."
          : params.error
            ? "Sign-in did not work. Try again."
            : undefined;

  return (
    <>
      <BrandHeader organisation={await organisationName()} />
      <main id="main-content" className="mx-auto max-w-5xl px-4 py-8 sm:py-12">
        <div className="grid gap-8 md:grid-cols-[minmax(0,28rem)_1fr]">
          <div className="card">
            <h1 className="mb-4">Sign in</h1>
            {notice ? (
              <p className="mb-5 border-l-8 border-nhs-blue bg-nhs-grey-5 p-3" role="status">
                {notice}
              </p>
            ) : null}
            <LoginForm callbackUrl={back === "/" ? undefined : back} />
            <p className="mt-6">
              <Link href="/login/forgotten-password">Forgotten your password?</Link>
            </p>
            {entraEnabled() ? (
              <form action={logInWithMicrosoft.bind(null, back)} className="mt-6 border-t border-nhs-grey-4 pt-6">
                <button type="submit" className="btn btn-secondary">
                  Sign in with Microsoft
                </button>
              </form>
            ) : null}
          </div>
          <div>
            <h2 className="mb-2">Develop your support workforce</h2>
            <p className="mb-4 text-nhs-secondary">
              Personal development plans, appraisals, career conversations, competencies and apprenticeships for
              allied health support workers, senior support workers, assistant practitioners and apprentices.
            </p>
            {demo ? (
              <section aria-labelledby="demo-logins" className="card">
                <h2 id="demo-logins" className="text-xl">
                  Demo logins
                </h2>
                <p className="mb-3">
                  This is a demonstration trust. Every account&apos;s password is <code className="font-bold">pathways-demo</code>.
                </p>
                <table className="table text-sm">
                  <thead>
                    <tr>
                      <th scope="col">Email</th>
                      <th scope="col">Who</th>
                    </tr>
                  </thead>
                  <tbody>
                    {DEMO_LOGINS.map(([email, who]) => (
                      <tr key={email}>
                        <td className="font-mono break-all sm:break-normal sm:whitespace-nowrap">{email}</td>
                        <td>{who}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            ) : null}
          </div>
        </div>
      </main>
    </>
  );
}
