import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth";
import { teamForEdit, teamFormChoices } from "@/db/queries/teams";
import { saveTeamAction } from "../../actions";
import { TeamForm } from "../../team-form";

export const metadata: Metadata = { title: "Edit team" };

export default async function EditTeamPage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requireRole("admin");
  const { id } = await params;
  const team = await teamForEdit(admin, id);
  if (!team) notFound();
  return (
    <div className="max-w-2xl">
      <p className="mb-2">
        <Link href={`/teams/${id}`}>Back to {team.name}</Link>
      </p>
      <h1 className="mb-6">Edit {team.name}</h1>
      <TeamForm
        action={saveTeamAction.bind(null, id)}
        choices={await teamFormChoices(admin, team)}
        defaults={{
          name: team.name,
          service: team.service,
          careSettingId: team.careSettingId ?? undefined,
          professionIds: team.professionIds,
          managerIds: team.managerIds,
        }}
        submitLabel="Save changes"
      />
    </div>
  );
}
