import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth";
import { optionForAdmin, standardForAdmin } from "@/db/queries/apprenticeship-standards";
import { renameOptionAction, setOptionRetiredAction } from "../../../actions";
import { ItemPage } from "../../../item-page";

export const metadata: Metadata = { title: "Apprenticeship option" };

export default async function OptionPage({ params }: { params: Promise<{ id: string; optionId: string }> }) {
  const admin = await requireRole("admin");
  const { id, optionId } = await params;
  const standard = await standardForAdmin(admin, id);
  const option = await optionForAdmin(admin, id, optionId);
  if (!standard || !option) notFound();
  return (
    <ItemPage
      standard={standard}
      kind="option"
      text={option.text}
      retired={!!option.retiredAt}
      change={renameOptionAction.bind(null, optionId)}
      toggle={setOptionRetiredAction.bind(null, optionId, !option.retiredAt)}
    />
  );
}
