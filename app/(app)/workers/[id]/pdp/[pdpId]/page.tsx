import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth";
import { pdpById } from "@/db/queries/pdps";
import { WorkerRecordHeader } from "@/components/worker-record-nav";
import { todayInLondon } from "@/lib/rules/dates";
import { pdpPeriodName } from "@/lib/rules/pdp";
import { GoalDetail, PdpSummary, ReviewList } from "../pdp-view";

export const metadata: Metadata = { title: "PDP" };

/** One PDP, current or closed, read only: the history of a worker's plans. */
export default async function PdpRecordPage({ params }: { params: Promise<{ id: string; pdpId: string }> }) {
  const user = await requireUser();
  const { id, pdpId } = await params;
  const data = await pdpById(user, id, pdpId);
  if (!data) notFound();
  const { worker, pdp } = data;
  const workerName = `${worker.firstName} ${worker.lastName}`;
  const base = `/workers/${id}/pdp`;
  return (
    <>
      <WorkerRecordHeader worker={worker} current="pdp" title={`PDP ${pdpPeriodName(pdp.periodStart, pdp.periodEnd)}`} />
      <p className="mb-4">
        {pdp.status === "closed" ? (
          <>
            This PDP is closed: it can be read but not changed. <Link href={base}>Go to the current PDP</Link>
          </>
        ) : (
          <>
            This is the current PDP. <Link href={base}>Agree, review or close it on the PDP page</Link>
          </>
        )}
      </p>
      <div className="mb-4 max-w-3xl">
        <PdpSummary pdp={pdp} workerName={workerName} today={todayInLondon()} own={worker.isOwn} />
      </div>
      <p className="mb-8">
        <Link href={`${base}/${pdp.id}/print`}>Print this PDP</Link>
      </p>
      <section aria-labelledby="goals" className="mb-10 max-w-3xl">
        <h2 id="goals" className="mb-3">
          Goals
        </h2>
        {pdp.goals.length === 0 ? <p className="card">No goals.</p> : pdp.goals.map((g) => <GoalDetail key={g.id} goal={g} own={worker.isOwn} />)}
      </section>
      <section aria-labelledby="reviews" className="mb-10 max-w-3xl">
        <h2 id="reviews" className="mb-3">
          Reviews
        </h2>
        <ReviewList reviews={pdp.reviews} />
      </section>
    </>
  );
}
