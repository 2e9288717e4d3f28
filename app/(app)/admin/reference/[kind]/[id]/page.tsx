import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth";
import { referenceValue } from "@/db/queries/reference-changes";
import { isReferenceKind, referenceWords } from "@/lib/forms/reference";
import { formatDateTime } from "@/lib/rules/dates";
import { SummaryList } from "@/components/summary-list";
import { Tag } from "@/components/tags";
import { saveReferenceValueAction } from "../../actions";
import { ReferenceForm } from "../../reference-form";
import { RetireForm } from "./retire-form";
import { SavedBanner } from "@/components/saved-banner";

export const metadata: Metadata = { title: "Reference value" };

const SAVED: Record<string, string> = {
  created: "Added. It now appears in forms.",
  updated: "Changes saved.",
  retired: "Retired. It no longer appears in forms; records that have it keep it.",
  restored: "Restored. It appears in forms again.",
};

export default async function ReferenceValuePage({
  params,
  searchParams,
}: {
  params: Promise<{ kind: string; id: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const admin = await requireRole("admin");
  const { kind, id } = await params;
  if (!isReferenceKind(kind)) notFound();
  const value = await referenceValue(admin, kind, id);
  if (!value) notFound();
  const words = referenceWords[kind];
  const saved = SAVED[(await searchParams).saved ?? ""];
  const defaults: Record<string, string> = {
    name: value.name,
    kind: value.kind ?? "",
    rank: value.rank === undefined ? "" : String(value.rank),
    educationLevel: value.educationLevel == null ? "" : String(value.educationLevel),
    frameworkStage: value.frameworkStage ?? "",
    description: value.description ?? "",
  };

  return (
    <div className="max-w-2xl">
      <p className="mb-2">
        <Link href={`/admin/reference#${kind}-heading`}>Back to reference data</Link>
      </p>
      <p className="text-nhs-secondary">{words.title}</p>
      <h1 className="mb-2">{value.name}</h1>
      <p className="mb-4">{value.retiredAt ? <Tag tone="grey">Retired</Tag> : <Tag tone="green">Current</Tag>}</p>
      <SavedBanner message={saved} />
      <div className="mb-8">
        <SummaryList
          rows={[
            ["Code", <code key="code">{value.code}</code>],
            ["Workers with it", `${value.inUse.toLocaleString("en-GB")} (in post or left)`],
            ...(value.retiredAt ? ([["Retired", formatDateTime(value.retiredAt)]] as Array<[string, string]>) : []),
          ]}
        />
      </div>

      <section aria-labelledby="change" className="mb-8">
        <h2 id="change" className="mb-4">
          Change
        </h2>
        <ReferenceForm kind={kind} one={words.one} action={saveReferenceValueAction.bind(null, kind, id)} defaults={defaults} mode="edit" />
      </section>

      <section aria-labelledby="retire" className="card">
        <h2 id="retire" className="mb-3 text-xl">
          {value.retiredAt ? `Restore this ${words.one}` : `Retire this ${words.one}`}
        </h2>
        <RetireForm kind={kind} id={id} retired={!!value.retiredAt} inUse={value.inUse} one={words.one} />
      </section>
    </div>
  );
}
