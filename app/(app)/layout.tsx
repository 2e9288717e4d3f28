// The signed-in shell: the header with role-aware navigation, the warning before the session ends, and the person's
// keys for drafts of long forms (decision record 0023). Pages still check access themselves.
import { after } from "next/server";
import { requireUser } from "@/lib/auth";
import { hasInbox, navFor } from "@/lib/roles";
import { roleWords } from "@/lib/vocabulary";
import { organisationName } from "@/db/queries/sign-in";
import { inboxCount } from "@/db/queries/inbox";
import { ownWorkerId } from "@/db/queries/workers";
import { bringTodaysSummariesUpToDate } from "@/db/queries/scorecard";
import { BrandHeader } from "@/components/brand-header";
import { MainNav } from "@/components/main-nav";
import { SignOutButton } from "@/components/sign-out-button";
import { SessionWarning } from "@/components/session-warning";
import { DraftsProvider } from "@/components/forms/drafts";
import { draftKeysFor } from "@/lib/drafts";
import { timeLeft } from "@/lib/rules/session";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  // Once a day an instance works out the day's scorecard summaries once this response has gone (a no-op after that).
  after(bringTodaysSummariesUpToDate);
  return (
    <DraftsProvider keys={draftKeysFor(user.id) ?? null}>
      <BrandHeader organisation={await organisationName()}>
        <div className="flex items-center gap-4 text-sm">
          <span>
            <span className="font-semibold">{user.name}</span>
            <span className="sr-only">, </span>
            <span className="block opacity-95">{roleWords.label(user.role)}</span>
          </span>
          <SignOutButton className="border-2 border-white px-3 py-1.5 font-semibold text-white hover:bg-nhs-dark-blue" />
        </div>
      </BrandHeader>
      <MainNav items={navFor(user.role, hasInbox(user.role) ? await inboxCount(user) : 0, user.role === "support_worker" ? await ownWorkerId(user) : undefined)} />
      <main id="main-content" className="mx-auto max-w-6xl px-4 py-6 sm:py-8" tabIndex={-1}>
        {children}
      </main>
      {user.sessionEnds ? <SessionWarning left={timeLeft(user.sessionEnds, new Date())} /> : null}
    </DraftsProvider>
  );
}
