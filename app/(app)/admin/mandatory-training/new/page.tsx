import type { Metadata } from "next";
import Link from "@/components/link";
import { requireRole } from "@/lib/auth";
import { createSubjectAction } from "../actions";
import { SubjectForm } from "../subject-form";
import { subjectFormProps } from "../choices";

export const metadata: Metadata = { title: "Add a mandatory training subject" };

export default async function NewSubjectPage() {
  const admin = await requireRole("admin");
  return (
    <div className="max-w-2xl">
      <p className="mb-2">
        <Link href="/admin/mandatory-training">Back to mandatory training subjects</Link>
      </p>
      <h1 className="mb-2">Add a mandatory training subject</h1>
      <p className="mb-6 text-nhs-secondary">Everyone it is for is asked for it as soon as it is added.</p>
      <SubjectForm action={createSubjectAction} {...await subjectFormProps(admin)} mode="create" />
    </div>
  );
}
