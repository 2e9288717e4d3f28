// The signed-in shell: the header with role-aware navigation. Pages still check access themselves.
import { requireUser } from "@/lib/auth";
import { hasInbox, navFor } from "@/lib/roles";
import { roleWords } from "@/lib/vocabulary";
import { organisationName } from "@/db/queries/sign-in";
import { inboxCount } from "@/db/queries/inbox";
import { ownWorkerId } from "@/db/queries/workers";
import { BrandHeader } from "@/components/brand-header";
import { MainNav } from "@/components/main-nav";
import { logOut } from "../sign-out";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <>
      <BrandHeader organisation={organisationName()}>
        <div className="flex items-center gap-4 text-sm">
          <span>
            <span className="font-semibold">{user.name}</span>
            <span className="sr-only">, </span>
            <span className="block opacity-95">{roleWords.label(user.role)}</span>
          </span>
          <form action={logOut}>
            <button type="submit" className="border-2 border-white px-3 py-1.5 font-semibold text-white hover:bg-nhs-dark-blue">
              Sign out
            </button>
          </form>
        </div>
      </BrandHeader>
      <MainNav items={navFor(user.role, hasInbox(user.role) ? inboxCount(user) : 0, user.role === "support_worker" ? ownWorkerId(user) : undefined)} />
      <main id="main-content" className="mx-auto max-w-6xl px-4 py-6 sm:py-8" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
