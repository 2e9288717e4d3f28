import type { Metadata } from "next";
import Link from "@/components/link";
import { requireRole } from "@/lib/auth";
import { professionOptions } from "@/db/queries/reference";
import { createStandardAction } from "../actions";
import { StandardForm } from "../standard-form";

export const metadata: Metadata = { title: "Add an apprenticeship standard" };

export default async function NewStandardPage() {
  await requireRole("admin");
  return (
    <div className="max-w-2xl">
      <p className="mb-2">
        <Link href="/admin/apprenticeships">Back to apprenticeship standards</Link>
      </p>
      <h1 className="mb-2">Add an apprenticeship standard</h1>
      <p className="mb-6 text-nhs-secondary">Add its options and gateway checklist once it is added.</p>
      <StandardForm action={createStandardAction} defaults={{}} professions={await professionOptions()} mode="create" />
    </div>
  );
}
