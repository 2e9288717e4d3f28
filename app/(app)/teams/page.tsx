import type { Metadata } from "next";
import Link from "@/components/link";
import { requireRole } from "@/lib/auth";
import { canChangeTeams } from "@/lib/roles";
import { listTeams } from "@/db/queries/teams";
import { parseTeamFilters, teamFiltersToQuery, type TeamFilters } from "@/lib/forms/team";
import { Pagination } from "@/components/pagination";
import { TeamSizeTable } from "@/components/team-size-table";
import { Tag } from "@/components/tags";

export const metadata: Metadata = { title: "Teams" };

type Search = Promise<Record<string, string | string[] | undefined>>;

const fte = (n: number) => Number(n.toFixed(2)).toLocaleString("en-GB");

export default async function TeamsPage({ searchParams }: { searchParams: Search }) {
  const user = await requireRole("manager", "lead", "admin");
  const f = parseTeamFilters(await searchParams);
  const result = await listTeams(user, f);
  const href = (change: Partial<TeamFilters>) => `/teams${teamFiltersToQuery({ ...f, ...change })}`;
  const filtered = !!f.q || f.archived;
  const totals = result.teams.reduce((t, team) => ({ headcount: t.headcount + team.size.headcount, fte: t.fte + team.size.fte }), { headcount: 0, fte: 0 });

  return (
    <>
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1>Teams</h1>
          <p className="text-nhs-secondary">
            {user.role === "manager" ? "The teams you manage." : "Every team in the organisation."} Sizes count support workers in post.
          </p>
        </div>
        {canChangeTeams(user.role) ? (
          <Link href="/teams/new" className="btn">
            Add a team
          </Link>
        ) : null}
      </div>

      <form method="get" action="/teams" className="card mb-6" role="search" aria-label="Find teams">
        <div className="flex flex-wrap items-end gap-4">
          <div className="min-w-0 flex-1 basis-64">
            <label htmlFor="f-q" className="label text-sm">
              Team or service
            </label>
            <input id="f-q" name="q" type="search" defaultValue={f.q ?? ""} className="input" />
          </div>
          <label className="flex items-center gap-3 py-2">
            <input type="checkbox" name="archived" value="1" defaultChecked={f.archived} className="size-6 accent-nhs-blue" />
            Archived teams instead
          </label>
          <button type="submit" className="btn">
            Search
          </button>
        </div>
        {filtered ? (
          <p className="mt-4">
            <Link href="/teams">Clear search</Link>
          </p>
        ) : null}
      </form>

      <p role="status" className="mb-4 text-lg">
        <strong>{result.total.toLocaleString("en-GB")}</strong> {f.archived ? "archived " : ""}
        {result.total === 1 ? "team" : "teams"}
        {result.pages === 1 && result.total > 0 ? (
          <>
            {" "}
            · <strong>{totals.headcount.toLocaleString("en-GB")}</strong> support {totals.headcount === 1 ? "worker" : "workers"} ·{" "}
            <strong>{fte(totals.fte)}</strong> FTE
          </>
        ) : null}
      </p>

      {result.teams.length === 0 ? (
        <p className="card">
          {user.role === "manager" && !filtered ? "You do not manage any teams yet. An administrator can make you a team's manager." : "No teams match."}
        </p>
      ) : (
        <ul className="grid gap-6 md:grid-cols-2">
          {result.teams.map((team) => (
            <li key={team.id} className="card min-w-0">
              <h2 className="mb-1 text-xl">
                <Link href={`/teams/${team.id}`}>{team.name}</Link>
              </h2>
              {team.archivedAt ? (
                <p className="mb-2">
                  <Tag tone="grey">Archived</Tag>
                </p>
              ) : null}
              <p className="mb-3 text-nhs-secondary">{[team.service, team.careSetting].filter(Boolean).join(" · ") || "No service or care setting recorded"}</p>
              <dl className="mb-4 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[7rem_1fr]">
                <dt className="font-semibold">Professions</dt>
                <dd>{team.professions.map((p) => p.name).join(", ") || "None recorded"}</dd>
                <dt className="font-semibold">Managers</dt>
                <dd>{team.managers.map((m) => m.name).join(", ") || "None"}</dd>
              </dl>
              <TeamSizeTable size={team.size} caption={`${team.name}: support workers in post by role`} />
            </li>
          ))}
        </ul>
      )}
      <Pagination page={result.page} pages={result.pages} hrefFor={(page) => href({ page })} />
    </>
  );
}
