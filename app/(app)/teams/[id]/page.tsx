import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth";
import { canChangeTeams } from "@/lib/roles";
import { teamDetail, teamWorkers } from "@/db/queries/teams";
import { SummaryList } from "@/components/summary-list";
import { ScrollRegion } from "@/components/scroll-region";
import { TeamSizeTable } from "@/components/team-size-table";
import { Tag } from "@/components/tags";
import { ArchiveForm } from "./archive-form";
import { SavedBanner } from "@/components/saved-banner";

export const metadata: Metadata = { title: "Team" };

const SAVED: Record<string, string> = {
  created: "Team added.",
  updated: "Changes saved.",
  archived: "Team archived. It no longer appears in forms; its history is kept.",
  restored: "Team restored.",
};

export default async function TeamPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> }) {
  const user = await requireRole("manager", "lead", "admin");
  const { id } = await params;
  const saved = SAVED[(await searchParams).saved ?? ""];
  const team = await teamDetail(user, id);
  if (!team) notFound();
  const people = await teamWorkers(user, id);
  const mayChange = canChangeTeams(user.role);

  return (
    <>
      <p className="mb-2">
        <Link href="/teams">All teams</Link>
      </p>
      <h1 className="mb-2">{team.name}</h1>
      <p className="mb-4 flex flex-wrap items-center gap-3 text-nhs-secondary">
        {team.service || null}
        {team.archivedAt ? <Tag tone="grey">Archived</Tag> : null}
      </p>
      <SavedBanner message={saved} />
      {mayChange ? (
        <ul className="mb-6 flex flex-wrap gap-x-6 gap-y-2" aria-label="Actions">
          <li>
            <Link href={`/teams/${id}/edit`}>Edit team</Link>
          </li>
        </ul>
      ) : null}

      <div className="grid gap-8 lg:grid-cols-[3fr_2fr]">
        <section aria-labelledby="about" className="min-w-0">
          <h2 id="about" className="mb-3">
            About
          </h2>
          <SummaryList
            rows={[
              ["Service", team.service],
              ["Care setting", team.careSetting],
              ["Professions", team.professions.map((p) => p.name).join(", ")],
              ["Managers", team.managers.map((m) => (m.active ? m.name : `${m.name} (disabled)`)).join(", ")],
            ]}
          />
        </section>
        <section aria-labelledby="size" className="min-w-0">
          <h2 id="size" className="mb-3">
            Size
          </h2>
          <TeamSizeTable size={team.size} caption={`${team.name}: support workers in post by role`} />
        </section>
      </div>

      <section aria-labelledby="workers" className="mt-8">
        <h2 id="workers" className="mb-3">
          Support workers in post
        </h2>
        {people.length === 0 ? (
          <p className="card">No support workers are in post in this team.</p>
        ) : (
          <ScrollRegion label="Support workers in post, table">
            <table className="table">
              <caption className="sr-only">Support workers in post in {team.name}, by name</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Job title</th>
                  <th scope="col">Role</th>
                  <th scope="col" className="num">
                    FTE
                  </th>
                </tr>
              </thead>
              <tbody>
                {people.map((w) => (
                  <tr key={w.id}>
                    <td>
                      <Link href={`/workers/${w.id}`} className="font-semibold">
                        {w.lastName}, {w.firstName}
                      </Link>
                    </td>
                    <td>{w.jobTitle}</td>
                    <td>{w.stage}</td>
                    <td className="num">{w.fte.toFixed(2)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>

      {mayChange ? (
        <section aria-labelledby="archive" className="card mt-8 max-w-2xl">
          <h2 id="archive" className="mb-3 text-xl">
            {team.archivedAt ? "Restore the team" : "Archive the team"}
          </h2>
          <ArchiveForm teamId={id} archived={!!team.archivedAt} />
        </section>
      ) : null}
    </>
  );
}
