import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth";
import { developmentSummaries } from "@/db/queries/development";
import { todayInLondon, formatDate } from "@/lib/rules/dates";
import { byUrgency } from "@/lib/rules/attention";
import { AppraisalStatusTag, Tag } from "@/components/tags";
import { Stat } from "@/components/stat";
import { ScrollRegion } from "@/components/scroll-region";

export const metadata: Metadata = { title: "My team" };

export default async function TeamPage() {
  const user = await requireRole("manager");
  const today = todayInLondon();
  const rows = developmentSummaries(user, today)
    .map((r) => ({ ...r, name: `${r.lastName}, ${r.firstName}`, hasAgreedPdp: !!r.activePdpId && !!r.pdpAgreed }))
    .sort(byUrgency);
  const overdue = rows.filter((r) => r.appraisalStatus === "overdue").length;
  const dueSoon = rows.filter((r) => r.appraisalStatus === "due_soon").length;
  const noPdp = rows.filter((r) => !r.hasAgreedPdp).length;

  return (
    <>
      <h1 className="mb-6">My team</h1>
      <div className="mb-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label="Support workers" value={rows.length} note="In post, in the teams you manage" />
        <Stat label="Appraisals overdue" value={overdue} note="More than 12 months since the last" />
        <Stat label="Appraisals due soon" value={dueSoon} note="Due within 30 days" />
        <Stat label="Without an agreed PDP" value={noPdp} note="No active PDP agreed by both of you" />
      </div>

      {rows.length === 0 ? (
        <p className="card">No support workers are in the teams you manage yet.</p>
      ) : (
        <ScrollRegion label="Your team">
          <table className="table">
            <caption className="mb-2 text-left text-nhs-secondary">Needs attention first: overdue appraisals, then due soon, then no agreed PDP.</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role and team</th>
                <th scope="col">Appraisal</th>
                <th scope="col">PDP</th>
                <th scope="col">Last supervision</th>
                <th scope="col" className="num">
                  CPD hours (12 months)
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.workerId}>
                  <td>
                    <Link href={`/workers/${r.workerId}`} className="font-semibold">
                      {r.firstName} {r.lastName}
                    </Link>
                  </td>
                  <td>
                    {r.jobTitle}
                    <span className="block text-sm text-nhs-secondary">{r.teamName}</span>
                  </td>
                  <td>
                    <AppraisalStatusTag status={r.appraisalStatus} everAppraised={!!r.lastAppraisalOn} />
                    <span className="block text-sm">Due {formatDate(r.appraisalDueOn)}</span>
                  </td>
                  <td>
                    {r.hasAgreedPdp ? (
                      <Tag tone="green">Agreed</Tag>
                    ) : r.activePdpId ? (
                      <Tag tone="amber">Not agreed</Tag>
                    ) : (
                      <Tag tone="red">None</Tag>
                    )}
                    {r.pdpNextReviewOn ? (
                      r.pdpNextReviewOn < today ? (
                        <span className="block text-sm font-semibold text-nhs-red">Review overdue since {formatDate(r.pdpNextReviewOn)}</span>
                      ) : (
                        <span className="block text-sm">Review {formatDate(r.pdpNextReviewOn)}</span>
                      )
                    ) : null}
                  </td>
                  <td>{r.lastSupervisionOn ? formatDate(r.lastSupervisionOn) : <span className="text-nhs-secondary">None recorded</span>}</td>
                  <td className="num">{Number(r.cpdHours12m.toFixed(1))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}
