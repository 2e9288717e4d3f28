import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth";
import { optionForAdmin, standardForAdmin } from "@/db/queries/apprenticeship-standards";
import { Tag } from "@/components/tags";
import { renameOption, setOptionRetired } from "../../../actions";
import { LabelForm } from "../../../label-form";
import { ButtonForm } from "../../../button-form";

export const metadata: Metadata = { title: "Apprenticeship option" };

export default async function OptionPage({ params }: { params: Promise<{ id: string; optionId: string }> }) {
  const admin = await requireRole("admin");
  const { id, optionId } = await params;
  const standard = standardForAdmin(admin, id);
  const option = optionForAdmin(admin, id, optionId);
  if (!standard || !option) notFound();
  return (
    <div className="max-w-2xl">
      <p className="mb-2">
        <Link href={`/admin/apprenticeships/${id}`}>Back to {standard.title}</Link>
      </p>
      <p className="text-nhs-secondary">
        Option of {standard.reference} {standard.title}
      </p>
      <h1 className="mb-4 break-words">{option.name}</h1>
      {option.retiredAt ? (
        <p className="mb-4">
          <Tag tone="grey">Retired</Tag>
        </p>
      ) : null}
      <section aria-labelledby="rename" className="mb-8">
        <h2 id="rename" className="mb-4">
          Rename
        </h2>
        <LabelForm action={renameOption.bind(null, optionId)} name="name" label="Option name" defaultValue={option.name} submit="Save name" />
      </section>
      <section aria-labelledby="retire" className="card">
        <h2 id="retire" className="mb-3 text-xl">
          {option.retiredAt ? "Restore this option" : "Retire this option"}
        </h2>
        <p className="mb-4">
          {option.retiredAt ? "New apprenticeships can choose it again." : "Apprenticeships that follow it keep it; new ones cannot choose it."}
        </p>
        <ButtonForm action={setOptionRetired.bind(null, optionId, !option.retiredAt)} secondary={!option.retiredAt}>
          {option.retiredAt ? "Restore option" : "Retire option"}
        </ButtonForm>
      </section>
    </div>
  );
}
