import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth";
import { APPRAISAL_VIEWS_LOGGED_FOR, recordView } from "@/lib/access-log";
import { appraisalPreparation } from "@/db/queries/appraisal-preparation";
import { formatDate, formatDateTime } from "@/lib/rules/dates";
import { draftName } from "@/lib/forms/drafts";
import { WorkerRecordHeader } from "@/components/worker-record-nav";
import { PreparationForm } from "../../preparation-form";
import { PreparationAnswers } from "../../appraisal-record";
import { savePreparationAction } from "../../actions";

export const metadata: Metadata = { title: "Preparing for the appraisal" };

/**
 * The worker's preparation for one appraisal: they write it (and share it with their manager); their manager, an
 * administrator and leads read it once shared. Anyone else gets 404.
 */
export default async function PreparationPage({ params }: { params: Promise<{ id: string; appraisalId: string }> }) {
  const user = await requireUser();
  const { id, appraisalId } = await params;
  const prep = await appraisalPreparation(user, id, appraisalId);
  if (!prep) notFound();
  const { worker, appraisal: a } = prep;
  if (prep.shared && APPRAISAL_VIEWS_LOGGED_FOR.includes(user.role)) {
    await recordView(user, { action: "appraisal.preparation_view", entityType: "appraisal", entityId: appraisalId, workerId: id });
  }
  const when = `${a.heldOn ? "held on" : "booked for"} ${formatDate(a.heldOn ?? a.scheduledFor)}${a.appraiserName ? ` with ${a.appraiserName}` : ""}`;

  return (
    <>
      <WorkerRecordHeader worker={worker} current="appraisals" title="Preparing for the appraisal" />
      <p className="mb-4">
        <Link href={`/workers/${id}/appraisals/${appraisalId}`}>Back to the appraisal</Link>
      </p>

      {prep.isTheWorker ? (
        <div className="mb-6 max-w-3xl space-y-2">
          <p>
            Your appraisal is {when}. Thinking these through beforehand helps you and your manager make the most of it.
          </p>
          <p>
            {prep.shared
              ? `You shared it with your manager on ${formatDateTime(prep.submittedAt!)}. They see any changes you save.`
              : "Only you can see it until you share it with your manager. You can save it and come back to it."}{" "}
            Once shared it is part of your appraisal record: like the rest of it, your organisation&apos;s leads and Pathways administrators can read it too.
          </p>
        </div>
      ) : (
        <p className="mb-6">
          {worker.firstName}&apos;s appraisal is {when}.{" "}
          {prep.shared ? `${worker.firstName} shared this on ${formatDateTime(prep.submittedAt!)}.` : null}
        </p>
      )}

      {prep.canWrite ? (
        <PreparationForm
          action={savePreparationAction.bind(null, id, appraisalId)}
          defaults={prep.answers ?? { wentWell: "", wasHard: "", wantToLearn: "", wellbeing: "", careerAspiration: "" }}
          shared={prep.shared}
          version={String(prep.updatedAt?.getTime() ?? 0)}
          draft={draftName("appraisal-preparation", appraisalId)}
        />
      ) : prep.answers ? (
        <section aria-labelledby="answers-heading">
          <h2 id="answers-heading" className="mb-3">
            {prep.isTheWorker ? "Your preparation" : `${worker.firstName}'s preparation`}
          </h2>
          {prep.isTheWorker ? (
            <p className="mb-4">
              {a.status === "cancelled" ? "This appraisal was cancelled" : "This appraisal is complete"}, so your preparation can no longer change.
              {prep.shared ? "" : " You did not share it with your manager."}
            </p>
          ) : null}
          <PreparationAnswers answers={prep.answers} own={prep.isTheWorker} />
        </section>
      ) : (
        <p className="card">
          {prep.isTheWorker
            ? "You did not write a preparation for this appraisal."
            : `${worker.firstName} has not shared their preparation${a.status === "completed" || a.status === "cancelled" ? "" : " yet"}.`}
        </p>
      )}
    </>
  );
}
