import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth";
import { userForAdmin, userHistory } from "@/db/queries/users";
import { ROLES, roleWords, type Role } from "@/lib/vocabulary";
import { formatDateTime } from "@/lib/rules/dates";
import { auditActionWords } from "@/lib/audit-words";
import { SummaryList } from "@/components/summary-list";
import { ScrollRegion } from "@/components/scroll-region";
import { Tag } from "@/components/tags";
import { RoleForm, StatusForm, PasswordLinkForm } from "./user-forms";

export const metadata: Metadata = { title: "User" };

/** Audit actions about a login in words, as a heading for each line; any other comes from the audit trail's words. */
const ACTION_WORDS: Record<string, string> = {
  "user.create": "Login created",
  "user.role_change": "Role changed",
  "user.disable": "Account disabled",
  "user.enable": "Account re-enabled",
  "user.password_link": "Set-password link created",
  "user.password_set": "Password set",
  "user.sign_in": "Signed in",
  "setup.first_admin": "Set up Pathways as the first administrator",
};

const sentence = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);

function describe(action: string, summary: string): string {
  const words = ACTION_WORDS[action] ?? sentence(auditActionWords(action, "user"));
  try {
    const s = JSON.parse(summary) as Record<string, unknown>;
    if (action === "user.role_change" && typeof s.from === "string" && typeof s.to === "string") {
      const label = (r: string) => ((ROLES as readonly string[]).includes(r) ? roleWords.label(r as Role) : r);
      return `${words}: ${label(s.from).toLowerCase()} to ${label(s.to).toLowerCase()}`;
    }
    if (action === "user.password_link" && s.purpose === "reset") return "Password reset: new link created";
    if (action === "user.sign_in" && s.method === "oidc") return "Signed in with Microsoft";
  } catch {
    // A summary that is not JSON shows the action alone.
  }
  return words;
}

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requireRole("admin");
  const { id } = await params;
  const user = await userForAdmin(admin, id);
  if (!user) notFound();
  const history = await userHistory(admin, id);
  const self = user.id === admin.id;

  return (
    <>
      <p className="mb-2">
        <Link href="/admin/users">Back to users</Link>
      </p>
      <h1 className="mb-2">{user.name}</h1>
      <p className="mb-6 flex flex-wrap items-center gap-3">
        <span className="break-all">{user.email}</span>
        {user.status === "disabled" ? <Tag tone="grey">Disabled</Tag> : <Tag tone="green">Active</Tag>}
        {self ? <Tag tone="blue">You</Tag> : null}
      </p>

      <div className="grid gap-8 lg:grid-cols-[3fr_2fr]">
        <section aria-labelledby="about" className="min-w-0">
          <h2 id="about" className="mb-3">
            Account
          </h2>
          <SummaryList
            rows={[
              ["Role", roleWords.label(user.role)],
              ["Status", user.status === "disabled" ? "Disabled: cannot sign in" : "Active"],
              ["Password", user.passwordSet ? "Set" : "Not set yet"],
              ["Last signed in", user.lastSignInAt ? formatDateTime(user.lastSignInAt) : "Never"],
              ["Worker record", user.workerId ? <Link href={`/workers/${user.workerId}`}>{user.workerName}</Link> : "None"],
              ["Added", formatDateTime(user.createdAt)],
            ]}
          />
        </section>

        <div className="min-w-0 space-y-6">
          {self ? (
            <p className="card">
              This is your own account. Another administrator can change your role, disable your account or reset your password.
            </p>
          ) : (
            <>
              <section aria-labelledby="role-heading" className="card">
                <h2 id="role-heading" className="mb-3 text-xl">
                  Change role
                </h2>
                <RoleForm userId={user.id} role={user.role} />
              </section>
              <section aria-labelledby="password-heading" className="card">
                <h2 id="password-heading" className="mb-3 text-xl">
                  Password
                </h2>
                <PasswordLinkForm userId={user.id} passwordSet={user.passwordSet} active={user.status === "active"} />
              </section>
              <section aria-labelledby="status-heading" className="card">
                <h2 id="status-heading" className="mb-3 text-xl">
                  {user.status === "active" ? "Disable the account" : "Re-enable the account"}
                </h2>
                <StatusForm userId={user.id} status={user.status} />
              </section>
            </>
          )}
        </div>
      </div>

      <section aria-labelledby="history" className="mt-8">
        <h2 id="history" className="mb-3">
          History
        </h2>
        {history.length === 0 ? (
          <p className="card">Nothing recorded yet.</p>
        ) : (
          <ScrollRegion label="History table">
            <table className="table">
              <caption className="sr-only">The latest {history.length} changes and sign-ins for this user, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">What</th>
                  <th scope="col">Who</th>
                </tr>
              </thead>
              <tbody>
                {history.map((e) => (
                  <tr key={e.seq}>
                    <td className="whitespace-nowrap">{formatDateTime(e.at)}</td>
                    <td>{describe(e.action, e.summary)}</td>
                    <td>{e.actor}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>
    </>
  );
}
