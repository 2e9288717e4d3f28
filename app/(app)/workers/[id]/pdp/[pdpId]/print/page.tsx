import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth";
import { pdpById } from "@/db/queries/pdps";
import { PrintDocument } from "@/components/print-document";
import { formatDate, todayInLondon } from "@/lib/rules/dates";
import { pdpPeriodName } from "@/lib/rules/pdp";
import { GoalDetail, PdpSummary, ReviewList } from "../../pdp-view";
import { recordView } from "@/lib/access-log";

export const metadata: Metadata = { title: "Print PDP" };

/** A PDP on A4: the running head names the worker and the plan on every page; a goal never splits across pages. */
export default async function PdpPrintPage({ params }: { params: Promise<{ id: string; pdpId: string }> }) {
  const user = await requireUser();
  const { id, pdpId } = await params;
  const data = await pdpById(user, id, pdpId);
  if (!data) notFound();
  const { worker, pdp } = data;
  const workerName = `${worker.firstName} ${worker.lastName}`;
  const today = todayInLondon();
  await recordView(user, { action: "pdp.print", entityType: "pdp", entityId: pdp.id, workerId: id, summary: { version: pdp.version } });
  return (
    <PrintDocument
      title={`Personal development plan ${pdpPeriodName(pdp.periodStart, pdp.periodEnd)}`}
      subject={`${workerName}, ${worker.jobTitle}, ${worker.teamName}`}
      printedOn={formatDate(today)}
      backHref={pdp.status === "closed" ? `/workers/${id}/pdp/${pdp.id}` : `/workers/${id}/pdp`}
      backLabel="Back to the PDP"
    >
      <section aria-labelledby="plan" className="print-keep mb-8">
        <h2 id="plan" className="mb-3">
          The plan
        </h2>
        <PdpSummary pdp={pdp} workerName={workerName} today={today} />
      </section>
      <section aria-labelledby="goals" className="mb-8">
        <h2 id="goals" className="mb-3">
          Goals
        </h2>
        {pdp.goals.length === 0 ? <p>No goals.</p> : pdp.goals.map((g) => <GoalDetail key={g.id} goal={g} />)}
      </section>
      <section aria-labelledby="reviews">
        <h2 id="reviews" className="mb-3">
          Reviews
        </h2>
        <ReviewList reviews={pdp.reviews} />
      </section>
    </PrintDocument>
  );
}
