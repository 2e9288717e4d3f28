import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth";
import { isReferenceKind, referenceWords } from "@/lib/forms/reference";
import { addReferenceValueAction } from "../../actions";
import { ReferenceForm } from "../../reference-form";

export async function generateMetadata({ params }: { params: Promise<{ kind: string }> }): Promise<Metadata> {
  const { kind } = await params;
  return { title: isReferenceKind(kind) ? `Add a ${referenceWords[kind].one}` : "Add a reference value" };
}

export default async function NewReferenceValuePage({ params }: { params: Promise<{ kind: string }> }) {
  await requireRole("admin");
  const { kind } = await params;
  if (!isReferenceKind(kind)) notFound();
  const words = referenceWords[kind];
  return (
    <div className="max-w-2xl">
      <p className="mb-2">
        <Link href={`/admin/reference#${kind}-heading`}>Back to reference data</Link>
      </p>
      <h1 className="mb-2">Add a {words.one}</h1>
      <p className="mb-6 text-nhs-secondary">{words.hint}</p>
      <ReferenceForm kind={kind} one={words.one} action={addReferenceValueAction.bind(null, kind)} defaults={{}} mode="create" />
    </div>
  );
}
