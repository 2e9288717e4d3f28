import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth";
import { requirementForAdmin, standardForAdmin } from "@/db/queries/apprenticeship-standards";
import { rewordGatewayRequirementAction, setGatewayRequirementRetiredAction } from "../../../actions";
import { ItemPage } from "../../../item-page";

export const metadata: Metadata = { title: "Gateway requirement" };

export default async function RequirementPage({ params }: { params: Promise<{ id: string; requirementId: string }> }) {
  const admin = await requireRole("admin");
  const { id, requirementId } = await params;
  const standard = await standardForAdmin(admin, id);
  const requirement = await requirementForAdmin(admin, id, requirementId);
  if (!standard || !requirement) notFound();
  return (
    <ItemPage
      standard={standard}
      kind="requirement"
      text={requirement.text}
      retired={!!requirement.retiredAt}
      change={rewordGatewayRequirementAction.bind(null, requirementId)}
      toggle={setGatewayRequirementRetiredAction.bind(null, requirementId, !requirement.retiredAt)}
    />
  );
}
