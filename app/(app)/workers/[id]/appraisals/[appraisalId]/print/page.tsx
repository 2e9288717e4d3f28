import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth";
import { appraisalDetail } from "@/db/queries/appraisals";
import { formatDate, todayInLondon } from "@/lib/rules/dates";
import { PrintDocument } from "@/components/print-document";
import { AppraisalRecord, Reschedulings } from "../../appraisal-record";
import { recordView } from "@/lib/access-log";

export const metadata: Metadata = { title: "Appraisal for printing" };

/** The appraisal on A4: only once it is written (awaiting sign-off) or complete. */
export default async function PrintAppraisalPage({ params }: { params: Promise<{ id: string; appraisalId: string }> }) {
  const user = await requireUser();
  const { id, appraisalId } = await params;
  const detail = await appraisalDetail(user, id, appraisalId);
  if (!detail?.content) notFound();
  const a = detail.appraisal;
  if (a.status !== "completed" && a.status !== "awaiting_sign_off") notFound();
  const w = detail.worker;
  await recordView(user, { action: "appraisal.print", entityType: "appraisal", entityId: appraisalId, workerId: id, summary: { status: a.status } });
  return (
    <PrintDocument
      title={`Appraisal ${formatDate(a.heldOn ?? a.scheduledFor)}${a.status === "completed" ? "" : " (draft, not yet signed by both)"}`}
      subject={`${w.firstName} ${w.lastName}, ${w.jobTitle}, ${w.teamName}`}
      printedOn={formatDate(todayInLondon())}
      backHref={`/workers/${id}/appraisals/${appraisalId}`}
      backLabel="Back to the appraisal"
    >
      <AppraisalRecord detail={detail} content={detail.content} links={false} />
      <Reschedulings moves={detail.reschedulings} />
    </PrintDocument>
  );
}
