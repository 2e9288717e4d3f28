import type { Metadata } from "next";
import Link from "@/components/link";
import { requireRole } from "@/lib/auth";
import { otjRuleList, standardAdminList } from "@/db/queries/apprenticeship-standards";
import { ScrollRegion } from "@/components/scroll-region";
import { SavedBanner } from "@/components/saved-banner";
import { apprenticeshipCount, ruleFigure, ruleRange } from "./otj-rule-words";

export const metadata: Metadata = { title: "Apprenticeship standards" };

/** The confirmation after an off-the-job rule changed, with how many apprenticeships it touches. */
function savedMessage(saved: string | undefined, n: number): string | undefined {
  if (saved === undefined) return undefined;
  const count = apprenticeshipCount(n);
  const Count = `${count[0]!.toUpperCase()}${count.slice(1)}`;
  switch (saved) {
    case "rule-updated":
      return `Off-the-job rule changed. ${Count} ${n === 1 ? "starts" : "start"} under it; their required hours follow the change.`;
    case "rule-added":
      return `Off-the-job rule added; the rule before it now ends the day before. ${Count} starting on or after its date now follow it.`;
    case "rule-removed":
      return `Scheduled off-the-job rule taken away; the rule before it covers every later start again (${count} affected).`;
    default:
      return undefined;
  }
}

export default async function AdminApprenticeshipsPage({ searchParams }: { searchParams: Promise<{ saved?: string; apprenticeships?: string }> }) {
  const admin = await requireRole("admin");
  const rows = await standardAdminList(admin);
  const rules = await otjRuleList(admin);
  const { saved, apprenticeships } = await searchParams;
  const touched = Number.parseInt(typeof apprenticeships === "string" ? apprenticeships : "", 10);
  const message = savedMessage(typeof saved === "string" ? saved : undefined, Number.isFinite(touched) && touched >= 0 ? touched : 0);
  return (
    <>
      <p className="mb-2">
        <Link href="/admin">Back to administration</Link>
      </p>
      <SavedBanner message={message} />
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
        <div className="mb-4 flex flex-wrap items-end justify-between gap-4">
          <p className="max-w-3xl text-nhs-secondary">
            The rule for an apprenticeship is the one in force on its start date. When the funding rules change, add a rule from the date
            the change takes effect; the current rule then ends the day before. Choose a rule&apos;s dates to change its wording or figures.
          </p>
          <Link href="/admin/apprenticeships/otj-rules/new" className="btn">
            Add a rule
          </Link>
        </div>
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
                  <td>
                    <Link href={`/admin/apprenticeships/otj-rules/${r.id}`} className="font-semibold">
                      {ruleRange(r)}
                    </Link>
                  </td>
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
