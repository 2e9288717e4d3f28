import type { Metadata } from "next";
import Link from "@/components/link";
import { requireRole } from "@/lib/auth";
import { teamOptions } from "@/db/queries/reference";
import { NewUserForm } from "./new-user-form";

export const metadata: Metadata = { title: "Add a user" };

export default async function NewUserPage() {
  const admin = await requireRole("admin");
  return (
    <div className="max-w-2xl">
      <p className="mb-2">
        <Link href="/admin/users">Back to users</Link>
      </p>
      <h1 className="mb-4">Add a user</h1>
      <p className="mb-2">
        For managers, leads and administrators. Pathways makes a one-time link for them to choose their own password.
      </p>
      <p className="mb-6">
        To give a support worker a login, open their worker record and choose &ldquo;Give them a Pathways login&rdquo;, so that
        the login is linked to their record.
      </p>
      <NewUserForm teams={await teamOptions(admin)} />
    </div>
  );
}
