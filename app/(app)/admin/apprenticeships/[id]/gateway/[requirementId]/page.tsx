import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth";
import { requirementForAdmin, standardForAdmin } from "@/db/queries/apprenticeship-standards";
import { Tag } from "@/components/tags";
import { rewordGatewayRequirement, setRequirementRetired } from "../../../actions";
import { LabelForm } from "../../../label-form";
import { ButtonForm } from "../../../button-form";

export const metadata: Metadata = { title: "Gateway requirement" };

export default async function RequirementPage({ params }: { params: Promise<{ id: string; requirementId: string }> }) {
  const admin = await requireRole("admin");
  const { id, requirementId } = await params;
  const standard = standardForAdmin(admin, id);
  const requirement = requirementForAdmin(admin, id, requirementId);
  if (!standard || !requirement) notFound();
  return (
    <div className="max-w-2xl">
      <p className="mb-2">
        <Link href={`/admin/apprenticeships/${id}`}>Back to {standard.title}</Link>
      </p>
      <p className="text-nhs-secondary">
        Gateway requirement of {standard.reference} {standard.title}
      </p>
      <h1 className="mb-4 break-words">{requirement.label}</h1>
      {requirement.retiredAt ? (
        <p className="mb-4">
          <Tag tone="grey">Retired</Tag>
        </p>
      ) : null}
      <section aria-labelledby="reword" className="mb-8">
        <h2 id="reword" className="mb-4">
          Reword
        </h2>
        <p className="mb-4">Reword it to say the same thing more clearly. For a different requirement, add a new one and retire this one.</p>
        <LabelForm action={rewordGatewayRequirement.bind(null, requirementId)} name="label" label="Gateway requirement" defaultValue={requirement.label} submit="Save wording" />
      </section>
      <section aria-labelledby="retire" className="card">
        <h2 id="retire" className="mb-3 text-xl">
          {requirement.retiredAt ? "Restore this requirement" : "Retire this requirement"}
        </h2>
        <p className="mb-4">
          {requirement.retiredAt ? "It goes back at the end of the checklist." : "It leaves the checklist. Checks already recorded against it are kept."}
        </p>
        <ButtonForm action={setRequirementRetired.bind(null, requirementId, !requirement.retiredAt)} secondary={!requirement.retiredAt}>
          {requirement.retiredAt ? "Restore requirement" : "Retire requirement"}
        </ButtonForm>
      </section>
    </div>
  );
}
