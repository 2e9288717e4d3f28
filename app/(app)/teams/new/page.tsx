import type { Metadata } from "next";
import Link from "@/components/link";
import { requireRole } from "@/lib/auth";
import { teamFormChoices } from "@/db/queries/teams";
import { addTeamAction } from "../actions";
import { TeamForm } from "../team-form";

export const metadata: Metadata = { title: "Add a team" };

export default async function NewTeamPage() {
  const admin = await requireRole("admin");
  return (
    <div className="max-w-2xl">
      <p className="mb-2">
        <Link href="/teams">Back to teams</Link>
      </p>
      <h1 className="mb-6">Add a team</h1>
      <TeamForm action={addTeamAction} choices={await teamFormChoices(admin)} defaults={{}} submitLabel="Add team" />
    </div>
  );
}
