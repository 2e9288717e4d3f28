import type { Metadata } from "next";
import Link from "@/components/link";
import { requireRole } from "@/lib/auth";
import { professionOptions } from "@/db/queries/reference";
import { createResourceAction } from "../actions";
import { ResourceForm } from "../resource-form";

export const metadata: Metadata = { title: "Add a resource" };

export default async function NewResourcePage() {
  await requireRole("admin");
  return (
    <div className="max-w-2xl">
      <p className="mb-2">
        <Link href="/admin/resources">Back to manage resources</Link>
      </p>
      <h1 className="mb-2">Add a resource</h1>
      <p className="mb-6 text-nhs-secondary">It appears on the resources hub as soon as it is added.</p>
      <ResourceForm action={createResourceAction} defaults={{}} professions={await professionOptions()} mode="create" />
    </div>
  );
}
