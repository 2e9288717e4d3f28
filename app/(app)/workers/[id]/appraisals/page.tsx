import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth";
import { appraisalsPage, appraiserOptions } from "@/db/queries/appraisals";
import { formatDate, todayInLondon } from "@/lib/rules/dates";
import { suggestedAppraisalDate } from "@/lib/rules/appraisal-due";
import { WorkerRecordHeader } from "@/components/worker-record-nav";
import { AppraisalStatusTag } from "@/components/tags";
import { AppraisalStatus } from "./appraisal-record";
import { ScrollRegion } from "@/components/scroll-region";
import { ScheduleForm } from "./step-forms";
import { scheduleAppraisalAction } from "./actions";

export const metadata: Metadata = { title: "Appraisals" };

export default async function AppraisalsPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const today = todayInLondon();
  const page = await appraisalsPage(user, id, today);
  if (!page) notFound();
  const { worker, due, open, history } = page;
  const name = `${worker.firstName} ${worker.lastName}`;
  const appraisers = page.canEdit && !open ? await appraiserOptions(user, page.worker.userId) : [];
  const preferred = user.role === "manager" ? user.id : worker.lineManagerId;
  const defaultAppraiser = appraisers.some(([v]) => v === preferred) ? preferred! : "";
  const suggested = suggestedAppraisalDate(due?.dueOn, today);

  return (
    <>
      <WorkerRecordHeader worker={worker} current="appraisals" title="Appraisals" />

      <section aria-labelledby="due-heading" className="mb-8">
        <h2 id="due-heading" className="mb-3">
          When the next appraisal is due
        </h2>
        {due ? (
          <div className="card">
            <p className="text-lg">
              Next appraisal due <strong>{formatDate(due.dueOn)}</strong> <AppraisalStatusTag status={due.status} everAppraised={page.everAppraised} />
            </p>
            <p className="mt-1 text-nhs-secondary">
              {due.lastCompletedOn
                ? `12 months after the last completed appraisal, held on ${formatDate(due.lastCompletedOn)}.`
                : `No completed appraisal yet: the first is due 12 months after ${page.isOwnRecord ? "you" : worker.firstName} started on ${formatDate(worker.contractStart)}.`}
            </p>
          </div>
        ) : (
          <p>{name} has left, so no further appraisals are due.</p>
        )}
      </section>

      <section aria-labelledby="open-heading" className="mb-8">
        <h2 id="open-heading" className="mb-3">
          {open ? "Current appraisal" : page.canEdit ? "Book the next appraisal" : "Next appraisal"}
        </h2>
        {open ? (
          <div className="card border-l-8 border-nhs-blue">
            <p className="mb-2">
              <AppraisalStatus status={open.status} own={page.isOwnRecord} workerSigned={!!open.workerSignedAt} />
            </p>
            <p>
              {open.heldOn ? `Held on ${formatDate(open.heldOn)}` : `Scheduled for ${formatDate(open.scheduledFor)}`}
              {open.appraiserName ? ` with ${open.appraiserName}` : ""}
            </p>
            {open.status === "in_progress" && open.statusReason ? <p className="mt-1">Sent back: {open.statusReason}</p> : null}
            <p className="mt-3">
              <Link href={`/workers/${id}/appraisals/${open.id}`} className="font-semibold">
                {page.isOwnRecord && open.status === "awaiting_sign_off" && !open.workerSignedAt ? "Read and sign off your appraisal" : "Open the appraisal"}
              </Link>
            </p>
          </div>
        ) : page.canEdit ? (
          <ScheduleForm action={scheduleAppraisalAction.bind(null, id)} appraisers={appraisers} defaultAppraiserId={defaultAppraiser} suggestedDate={suggested} />
        ) : (
          <p>{page.isOwnRecord ? "No appraisal is booked yet. Your manager books it with you." : "No appraisal is booked."}</p>
        )}
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading" className="mb-3">
          Earlier appraisals
        </h2>
        {history.length === 0 ? (
          <p>None yet.</p>
        ) : (
          <ScrollRegion label="Earlier appraisals">
            <table className="table">
              {/* On a phone the appraiser and the sign-off date go under the date and the status: four columns were cut off at 390 px. */}
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="hidden sm:table-cell">
                    Appraiser
                  </th>
                  <th scope="col" className="hidden sm:table-cell">
                    Signed off
                  </th>
                </tr>
              </thead>
              <tbody>
                {history.map((a) => {
                  const signedOn = a.completedAt ? formatDate(todayInLondon(a.completedAt)) : "";
                  return (
                    <tr key={a.id}>
                      <td>
                        <Link href={`/workers/${id}/appraisals/${a.id}`}>{formatDate(a.heldOn ?? a.scheduledFor)}</Link>
                        {a.appraiserName ? <span className="block text-sm sm:hidden">With {a.appraiserName}</span> : null}
                      </td>
                      <td>
                        <AppraisalStatus status={a.status} own={page.isOwnRecord} />
                        {a.status === "cancelled" && a.statusReason ? <span className="block text-sm">{a.statusReason}</span> : null}
                        {signedOn ? <span className="block text-sm sm:hidden">Signed off {signedOn}</span> : null}
                      </td>
                      <td className="hidden sm:table-cell">{a.appraiserName ?? ""}</td>
                      <td className="hidden sm:table-cell">{signedOn}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>
    </>
  );
}
