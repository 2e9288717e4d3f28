import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth";
import { otjRuleList, standardAdminList } from "@/db/queries/apprenticeship-standards";
import { addDays, formatDate } from "@/lib/rules/dates";
import { ScrollRegion } from "@/components/scroll-region";

export const metadata: Metadata = { title: "Apprenticeship standards" };

/** How a rule's figure reads: the table holds 0.2 for 20%, 6 for six hours a week. */
function ruleFigure(r: { kind: string; value: number; minimumHours: number | null }): string {
  const floor = r.minimumHours !== null ? `, never below ${r.minimumHours} hours` : "";
  if (r.kind === "percent_of_hours") return `${Math.round(r.value * 100)}% of contracted hours${floor}`;
  if (r.kind === "hours_per_week") return `${r.value} hours a week full time, pro rata part time${floor}`;
  return `The standard's own published minimum${floor}`;
}

export default async function AdminApprenticeshipsPage() {
  const admin = await requireRole("admin");
  const rows = standardAdminList(admin);
  const rules = otjRuleList(admin);
  return (
    <>
      <p className="mb-2">
        <Link href="/admin">Back to administration</Link>
      </p>
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="mb-2">Apprenticeship standards</h1>
          <p className="max-w-3xl text-nhs-secondary">
            The standards apprentices follow, with their options and gateway checklists. Check the off-the-job minimum of each
            against the standard&apos;s published figure. {rows.length} standards.
          </p>
        </div>
        <Link href="/admin/apprenticeships/new" className="btn">
          Add a standard
        </Link>
      </div>
      <ScrollRegion label="Apprenticeship standards, table">
        <table className="table">
          <caption className="sr-only">
            Apprenticeship standards: reference, title, level, typical duration, off-the-job minimum, options and number of gateway
            requirements
          </caption>
          <thead>
            <tr>
              <th scope="col">Reference</th>
              <th scope="col">Title</th>
              <th scope="col" className="num">
                Level
              </th>
              <th scope="col" className="num">
                Typical duration
              </th>
              <th scope="col" className="num">
                Off-the-job minimum
              </th>
              <th scope="col" className="max-md:hidden">
                Options
              </th>
              <th scope="col" className="num">
                Gateway requirements
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>{r.reference}</td>
                <td>
                  <Link href={`/admin/apprenticeships/${r.id}`} className="font-semibold">
                    {r.title}
                  </Link>
                  {r.professionName ? <span className="mt-1 block text-sm text-nhs-secondary">Leads to {r.professionName}</span> : null}
                </td>
                <td className="num">{r.level}</td>
                <td className="num">{r.typicalDurationMonths} months</td>
                <td className="num">{r.otjMinimumHours === null ? "Not recorded" : `${r.otjMinimumHours} hours`}</td>
                <td className="max-md:hidden">{r.options.length === 0 ? "None" : r.options.join(", ")}</td>
                <td className="num">{r.gatewayCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>

      <section aria-labelledby="otj-rules" className="mt-10">
        <h2 id="otj-rules" className="mb-2">
          Off-the-job training rules
        </h2>
        <p className="mb-4 max-w-3xl text-nhs-secondary">
          The rule for an apprenticeship is the one in force on its start date. These rules are read only here; they change when the
          funding rules do.
        </p>
        <ScrollRegion label="Off-the-job training rules, table">
          <table className="table">
            <caption className="sr-only">Off-the-job training rules: the start dates each governs, and what it requires</caption>
            <thead>
              <tr>
                <th scope="col">Apprenticeships starting</th>
                <th scope="col">Requirement</th>
                <th scope="col" className="max-md:hidden">
                  In full
                </th>
              </tr>
            </thead>
            <tbody>
              {rules.map((r) => (
                <tr key={r.id}>
                  {/* The table's end date is exclusive; people read the last start date the rule covers. */}
                  <td>{r.effectiveTo ? `${formatDate(r.effectiveFrom)} to ${formatDate(addDays(r.effectiveTo, -1))}` : `From ${formatDate(r.effectiveFrom)}`}</td>
                  <td>{ruleFigure(r)}</td>
                  <td className="max-md:hidden">{r.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </section>
    </>
  );
}
