import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth";
import { apprenticeshipPipelinePage, type PipelineRow } from "@/db/queries/apprenticeship-pipeline";
import { formatDate, todayInLondon } from "@/lib/rules/dates";
import { LIVE_APPRENTICESHIP_STATUSES, isLive } from "@/lib/rules/apprenticeship-lifecycle";
import { apprenticeshipStatusWords, type ApprenticeshipStatus } from "@/lib/vocabulary";
import { Stat } from "@/components/stat";
import { ScrollRegion } from "@/components/scroll-region";
import { Pagination } from "@/components/pagination";
import { TeamFilterField, TeamMatches } from "@/components/team-filter";
import { ApprenticeshipStatusTag, OtjRagTag, ReviewDueTag } from "@/components/apprenticeship-tags";

export const metadata: Metadata = { title: "Apprenticeships" };

const PAGE_SIZE = 50;
type Show = ApprenticeshipStatus | "at_risk" | "live";
const SHOWS: readonly Show[] = ["live", "at_risk", ...LIVE_APPRENTICESHIP_STATUSES];

function parseShow(v: string | undefined): Show {
  return SHOWS.find((s) => s === v) ?? "live";
}

const SHOW_WORDS: Record<Show, string> = {
  live: "All current apprentices",
  at_risk: "At risk",
  planned: "Planned",
  on_programme: "On programme",
  break_in_learning: "On a break in learning",
  gateway: "At gateway",
  end_point_assessment: "In end-point assessment",
  completed: "Completed",
  withdrawn: "Withdrawn",
};

export default async function ApprenticeshipsPage({ searchParams }: { searchParams: Promise<{ show?: string; team?: string; teamq?: string; page?: string }> }) {
  const user = await requireUser();
  const today = todayInLondon();
  const sp = await searchParams;
  const show = parseShow(sp.show);
  const wanted = Number.parseInt(sp.page ?? "1", 10) || 1;
  const data = await apprenticeshipPipelinePage(user, today, { show, team: sp.team, teamq: sp.teamq, page: wanted, pageSize: PAGE_SIZE });
  if (!data) notFound();
  const { teams, picked } = data;
  const team = picked.team;
  const { byStatus, atRisk, listed, page, pages, rows: shown } = data;
  const live = LIVE_APPRENTICESHIP_STATUSES.reduce((n, s) => n + byStatus[s], 0);
  const count = (s: ApprenticeshipStatus) => byStatus[s];
  const completed = byStatus.completed;
  const withdrawn = byStatus.withdrawn;
  const href = (over: { show?: Show; page?: number; team?: string | null }) => {
    const q = new URLSearchParams();
    const s = over.show ?? show;
    if (s !== "live") q.set("show", s);
    const t = over.team === undefined ? team : over.team;
    if (t) q.set("team", t);
    if (over.page && over.page > 1) q.set("page", String(over.page));
    const text = q.toString();
    return `/apprenticeships${text ? `?${text}` : ""}#list`;
  };

  const byStandard = data.byStandard;
  const byLevel = levelCounts(byStandard);

  return (
    <>
      <h1 className="mb-2">Apprenticeships</h1>
      <p className="mb-6 max-w-3xl text-nhs-secondary">
        {user.role === "manager" ? "The apprentices in your teams" : "Every apprentice in the organisation"}: who is planned, on programme, on a break, at
        gateway and in end-point assessment, and who is at risk because their off-the-job hours are behind, a progress review is overdue or their
        planned dates have passed. Completions and withdrawals count the last 12 months.
      </p>

      {teams.length > 1 ? (
        <form method="get" action="/apprenticeships" className="mb-6 flex flex-wrap items-end gap-4">
          <TeamFilterField teams={teams} picked={picked} className="max-w-md" />
          {show !== "live" ? <input type="hidden" name="show" value={show} /> : null}
          <button type="submit" className="btn btn-secondary mb-0!">
            Show
          </button>
        </form>
      ) : null}
      <TeamMatches picked={picked} hrefFor={(t) => href({ team: t, page: 1 })} />

      <section aria-labelledby="counts" className="mb-8">
        <h2 id="counts" className="sr-only">
          Counts
        </h2>
        <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
          <Stat label="Current apprentices" value={<Link href={href({ show: "live", page: 1 })}>{live}</Link>} note={`${completed} completed, ${withdrawn} withdrawn in 12 months`} />
          <Stat label="At risk" value={<Link href={href({ show: "at_risk", page: 1 })}>{atRisk}</Link>} note="Hours behind, review overdue or dates passed" />
          {LIVE_APPRENTICESHIP_STATUSES.map((s) => (
            <Stat key={s} label={SHOW_WORDS[s]} value={<Link href={href({ show: s, page: 1 })}>{count(s)}</Link>} />
          ))}
        </div>
      </section>

      <section aria-labelledby="list" className="mb-10">
        <h2 id="list" className="mb-1">
          {SHOW_WORDS[show]}
        </h2>
        <p className="mb-3 text-nhs-secondary">
          {listed} {listed === 1 ? "apprenticeship" : "apprenticeships"}
          {show !== "live" ? (
            <>
              {" · "}
              <Link href={href({ show: "live", page: 1 })}>Show all current apprentices</Link>
            </>
          ) : null}
        </p>
        {listed === 0 ? (
          <p className="card">None.</p>
        ) : (
          <>
            <PipelineTable rows={shown} caption={`${SHOW_WORDS[show]}: apprentice, team, standard, status, dates, off-the-job hours, next review and risks`} />
            <Pagination page={page} pages={pages} hrefFor={(p) => href({ page: p })} />
          </>
        )}
      </section>

      <section aria-labelledby="standards">
        <h2 id="standards" className="mb-3">
          By standard and level
        </h2>
        {byStandard.length === 0 ? (
          <p className="card">No apprenticeships yet.</p>
        ) : (
          <ScrollRegion label="Apprenticeships by standard and level, table">
            <table className="table">
              <caption className="sr-only">Apprenticeships by standard and level: how many are in each status, and completions and withdrawals in the last 12 months</caption>
              <thead>
                <tr>
                  <th scope="col">Standard</th>
                  <th scope="col" className="num">
                    Level
                  </th>
                  {LIVE_APPRENTICESHIP_STATUSES.map((s) => (
                    <th key={s} scope="col" className="num">
                      {apprenticeshipStatusWords.label(s)}
                    </th>
                  ))}
                  <th scope="col" className="num">
                    Completed (12 months)
                  </th>
                  <th scope="col" className="num">
                    Withdrawn (12 months)
                  </th>
                </tr>
              </thead>
              <tbody>
                {byStandard.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">{s.title}</th>
                    <td className="num">{s.level}</td>
                    {LIVE_APPRENTICESHIP_STATUSES.map((st) => (
                      <td key={st} className="num">
                        {s.counts[st]}
                      </td>
                    ))}
                    <td className="num">{s.counts.completed}</td>
                    <td className="num">{s.counts.withdrawn}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">By level</th>
                  <td colSpan={LIVE_APPRENTICESHIP_STATUSES.length + 3}>
                    {byLevel
                      .map(([level, n]) => `level ${level}: ${n}`)
                      .join(" · ")}
                  </td>
                </tr>
              </tfoot>
            </table>
          </ScrollRegion>
        )}
      </section>
    </>
  );
}

function PipelineTable({ rows, caption }: { rows: PipelineRow[]; caption: string }) {
  return (
    <ScrollRegion label="Apprentices, table">
      <table className="table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Apprentice</th>
            <th scope="col">Standard</th>
            <th scope="col">Status</th>
            <th scope="col" className="max-md:hidden">
              Dates
            </th>
            <th scope="col">Off-the-job hours</th>
            <th scope="col">Next review</th>
            <th scope="col">At risk</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>
                <Link href={`/workers/${r.workerId}/apprenticeship`} className="font-semibold">
                  {r.workerName}
                </Link>
                <span className="block text-sm text-nhs-secondary">{r.teamName}</span>
              </td>
              <td>
                {r.standardTitle} <span className="block text-sm text-nhs-secondary">Level {r.level}</span>
              </td>
              <td>
                <ApprenticeshipStatusTag status={r.status} />
              </td>
              <td className="max-md:hidden">
                {formatDate(r.startDate)} to {formatDate(r.plannedEndDate)}
              </td>
              <td>
                {r.track.rag ? <OtjRagTag rag={r.track.rag} /> : "–"}
                {r.track.percentOfExpected !== null && isLive(r.status) ? <span className="block text-sm">{r.track.percentOfExpected}% of expected</span> : null}
              </td>
              <td>{r.track.review ? <ReviewDueTag review={r.track.review} /> : "–"}</td>
              <td>
                {r.track.risks.length === 0 ? (
                  "No"
                ) : (
                  <ul className="list-disc pl-5 text-sm">
                    {r.track.risks.map((k) => (
                      <li key={k.kind}>{k.message}</li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** Current apprentices by level. */
function levelCounts(byStandard: readonly { level: number; counts: Record<ApprenticeshipStatus, number> }[]): Array<[number, number]> {
  const by = new Map<number, number>();
  for (const s of byStandard) {
    const live = LIVE_APPRENTICESHIP_STATUSES.reduce((n, st) => n + s.counts[st], 0);
    if (live > 0) by.set(s.level, (by.get(s.level) ?? 0) + live);
  }
  return [...by.entries()].sort((a, b) => a[0] - b[0]);
}
