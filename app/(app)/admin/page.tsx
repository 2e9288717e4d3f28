import type { Metadata } from "next";
import Link from "@/components/link";
import { requireRole } from "@/lib/auth";
import { userCountsByRole, organisationCounts, recentAuditEvents } from "@/db/queries/admin";
import { roleWords } from "@/lib/vocabulary";
import { formatDateTime } from "@/lib/rules/dates";
import { auditActionWords } from "@/lib/audit-words";
import { Stat } from "@/components/stat";
import { ScrollRegion } from "@/components/scroll-region";

export const metadata: Metadata = { title: "Administration" };

export default async function AdminPage() {
  const user = await requireRole("admin");
  const roles = await userCountsByRole(user);
  const counts = await organisationCounts(user);
  const events = await recentAuditEvents(user);
  const activeUsers = roles.reduce((n, r) => n + r.active, 0);

  return (
    <>
      <h1 className="mb-6">Administration</h1>
      <div className="mb-8 grid gap-4 sm:grid-cols-3">
        <Stat label="Active users" value={activeUsers} note="People who can sign in" />
        <Stat label="Teams" value={counts.teams} />
        <Stat label="Support workers in post" value={counts.workersInPost} />
      </div>
      <nav aria-labelledby="manage" className="mb-8">
        <h2 id="manage" className="mb-3">
          Manage
        </h2>
        <ul className="flex flex-wrap gap-x-6 gap-y-2">
          <li>
            <Link href="/admin/users">Users</Link>
          </li>
          <li>
            <Link href="/admin/audit">Audit trail</Link>
          </li>
          <li>
            <Link href="/admin/reference">Reference data</Link>
          </li>
          <li>
            <Link href="/admin/frameworks">Competency frameworks</Link>
          </li>
          <li>
            <Link href="/admin/resources">Resources</Link>
          </li>
          <li>
            <Link href="/admin/apprenticeships">Apprenticeship standards</Link>
          </li>
          <li>
            <Link href="/admin/scorecard">Scorecard thresholds</Link>
          </li>
          <li>
            <Link href="/admin/mandatory-training">Mandatory training</Link>
          </li>
          <li>
            <Link href="/admin/appraisals">Appraisal feedback</Link>
          </li>
        </ul>
      </nav>
      <div className="grid gap-8 lg:grid-cols-[1fr_2fr]">
        <section aria-labelledby="users-by-role" className="min-w-0">
          <h2 id="users-by-role" className="mb-3">
            Users by role
          </h2>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Role</th>
                <th scope="col" className="num">
                  Active
                </th>
                <th scope="col" className="num">
                  Disabled
                </th>
              </tr>
            </thead>
            <tbody>
              {roles.map((r) => (
                <tr key={r.role}>
                  <td>{roleWords.label(r.role)}</td>
                  <td className="num">{r.active}</td>
                  <td className="num">{r.disabled}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section aria-labelledby="audit" className="min-w-0">
          <h2 id="audit" className="mb-3">
            Recent activity
          </h2>
          <ScrollRegion label="Recent activity">
            <table className="table">
              <caption className="sr-only">The latest entries in the audit log</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">What</th>
                </tr>
              </thead>
              <tbody>
                {events.map((e) => (
                  <tr key={e.seq}>
                    <td className="whitespace-nowrap">{formatDateTime(e.at)}</td>
                    <td>{e.actor}</td>
                    <td>{auditActionWords(e.action, e.entityType)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <p className="mt-3">
            <Link href="/admin/audit">See the whole audit trail</Link>
          </p>
        </section>
      </div>
    </>
  );
}
