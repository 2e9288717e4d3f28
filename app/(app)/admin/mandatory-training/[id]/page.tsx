import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth";
import { subjectForAdmin } from "@/db/queries/mandatory-training";
import { renewalWords } from "@/lib/rules/mandatory-training";
import { formatDateTime } from "@/lib/rules/dates";
import { SummaryList } from "@/components/summary-list";
import { Tag } from "@/components/tags";
import { SavedBanner } from "@/components/saved-banner";
import { updateSubjectAction } from "../actions";
import { SubjectForm } from "../subject-form";
import { RetireSubjectForm } from "../retire-form";
import { subjectFormProps } from "../choices";

export const metadata: Metadata = { title: "Mandatory training subject" };

const SAVED: Record<string, string> = {
  created: "Added. Everyone it is for is now asked for it.",
  updated: "Changes saved. A new renewal period applies to completions recorded from now on.",
  retired: "Retired. Nobody is asked for it from now on.",
  restored: "Restored. Those who need it are asked for it again.",
};

export default async function SubjectPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> }) {
  const admin = await requireRole("admin");
  const { id } = await params;
  const subject = await subjectForAdmin(admin, id);
  if (!subject) notFound();
  const saved = SAVED[(await searchParams).saved ?? ""];

  return (
    <div className="max-w-2xl">
      <p className="mb-2">
        <Link href="/admin/mandatory-training">Back to mandatory training subjects</Link>
      </p>
      <p className="text-nhs-secondary">Mandatory training subject</p>
      <h1 className="mb-2 break-words">{subject.name}</h1>
      <p className="mb-4">{subject.retiredAt ? <Tag tone="grey">Retired</Tag> : <Tag tone="green">Current</Tag>}</p>
      <SavedBanner message={saved} />
      <div className="mb-8">
        <SummaryList
          rows={[
            ["Renewal", renewalWords(subject.renewalMonths)],
            ["Who needs it", subject.who],
            ["Source", subject.framework ? "Core Skills Training Framework" : "Added here"],
            ...(subject.retiredAt ? ([["Retired", formatDateTime(subject.retiredAt)]] as Array<[string, string]>) : []),
          ]}
        />
      </div>
      <section aria-labelledby="change" className="mb-8">
        <h2 id="change" className="mb-4">
          Change
        </h2>
        <SubjectForm action={updateSubjectAction.bind(null, id)} {...await subjectFormProps(admin, subject)} mode="edit" />
      </section>
      <section aria-labelledby="retire" className="card">
        <h2 id="retire" className="mb-3 text-xl">
          {subject.retiredAt ? "Restore this subject" : "Retire this subject"}
        </h2>
        <RetireSubjectForm id={id} retired={!!subject.retiredAt} />
      </section>
    </div>
  );
}
