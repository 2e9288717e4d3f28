import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth";
import { APPRAISAL_VIEWS_LOGGED_FOR, recordView } from "@/lib/access-log";
import { signerOf } from "@/lib/rules/signature";
import { signInAgainWithMicrosoft } from "@/app/sign-on-again";
import { appraisalDetail } from "@/db/queries/appraisals";
import { appraisalPreparation } from "@/db/queries/appraisal-preparation";
import { appraisalFeedback } from "@/db/queries/appraisal-feedback";
import { formatDate, formatDateTime } from "@/lib/rules/dates";
import { WorkerRecordHeader } from "@/components/worker-record-nav";
import { AppraisalForm } from "../appraisal-form";
import { AppraisalRecord, AppraisalStatus, ConversationsSummary, PreparationAnswers, Reschedulings } from "../appraisal-record";
import { RescheduleForm, StepForm } from "../step-forms";
import { FeedbackSection } from "../feedback-section";
import { SavedBanner } from "@/components/saved-banner";
import { draftName } from "@/lib/forms/drafts";
import {
  askForFeedbackAction,
  cancelAppraisalAction,
  objectivesToPdpAction,
  reopenAppraisalAction,
  rescheduleAppraisalAction,
  returnToManagerAction,
  saveAppraisalAction,
  signAsAppraiserAction,
  signOffAppraisalAction,
  startAppraisalAction,
} from "../actions";

export const metadata: Metadata = { title: "Appraisal" };

const DONE: Record<string, string> = {
  scheduled: "Appraisal scheduled.",
  rescheduled: "Appraisal moved to the new date.",
  started: "Appraisal started. Last year's objectives are ready to review.",
  sent: "Sent for sign-off.",
  signed: "Appraisal signed off. Both have signed, so it is now complete.",
  signed_first: "Appraisal signed off. It is complete once the appraiser signs it too.",
  countersigned: "Signed as appraiser. Both have signed, so the appraisal is now complete.",
  appraiser_signed_first: "Signed as appraiser. The appraisal is complete once the worker signs it off too.",
  returned: "Sent back to your manager with your reason.",
  reopened: "Appraisal reopened. Both signatures were cleared: it needs signing again once changed.",
  cancelled: "Appraisal cancelled.",
  feedback_asked: "Feedback asked for. They see the request in their inbox.",
};

export default async function AppraisalPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; appraisalId: string }>;
  searchParams: Promise<{ done?: string; added?: string }>;
}) {
  const user = await requireUser();
  const { id, appraisalId } = await params;
  const query = await searchParams;
  const added = Number(query.added ?? 0) || 0;
  const pdpNote = added === 0 ? "These objectives are already goals in the PDP." : `${added === 1 ? "1 objective" : `${added} objectives`} added to the PDP.`;
  const done = query.done === "pdp" ? pdpNote : DONE[query.done ?? ""];
  const detail = await appraisalDetail(user, id, appraisalId);
  if (!detail) notFound();
  const prep = await appraisalPreparation(user, id, appraisalId);
  // Null for those who do not read colleagues' feedback (leads, administrators): it is about a person.
  const feedback = await appraisalFeedback(user, id, appraisalId);
  const { worker, appraisal: a, content } = detail;
  const name = `${worker.firstName} ${worker.lastName}`;
  const printable = content && (a.status === "completed" || a.status === "awaiting_sign_off");
  if (content && APPRAISAL_VIEWS_LOGGED_FOR.includes(user.role)) {
    await recordView(user, { action: "appraisal.view", entityType: "appraisal", entityId: appraisalId, workerId: id, summary: { status: a.status } });
  }

  return (
    <>
      <WorkerRecordHeader worker={worker} current="appraisals" title={`Appraisal, ${formatDate(a.heldOn ?? a.scheduledFor)}`} />
      <p className="mb-4">
        <Link href={`/workers/${id}/appraisals`}>All of {detail.isWorker ? "your" : `${worker.firstName}'s`} appraisals</Link>
      </p>
      <SavedBanner message={done} />

      <div className="mb-6 flex flex-wrap items-center gap-x-6 gap-y-2">
        <AppraisalStatus status={a.status} own={detail.isWorker} workerSigned={!!a.workerSignedAt} />
        {a.status === "completed" && a.workerSignedAt ? (
          <span>
            {detail.isWorker ? "You signed it off" : `Signed off by ${name}`} on {formatDateTime(a.workerSignedAt)}
            {a.appraiserSignedAt ? ` and by ${a.appraiserSignedByName} as appraiser on ${formatDateTime(a.appraiserSignedAt)}` : ""}. Locked.
          </span>
        ) : null}
        {printable ? (
          <Link href={`/workers/${id}/appraisals/${appraisalId}/print`}>Print or save as PDF</Link>
        ) : null}
      </div>

      {a.status === "in_progress" && a.statusReason ? (
        <p className="card mb-6 border-l-8 border-nhs-warm-yellow">
          <strong>{detail.isWorker ? "You sent this back" : `${worker.firstName} sent this back`}:</strong> {a.statusReason}
        </p>
      ) : null}
      {a.status === "cancelled" ? <p className="card mb-6">Cancelled{a.statusReason ? `: ${a.statusReason}` : "."}</p> : null}

      {prep?.isTheWorker && (prep.canWrite || prep.answers) ? (
        <section aria-labelledby="preparation-heading" className="card mb-6 border-l-8 border-nhs-blue">
          <h2 id="preparation-heading" className="mb-2">
            Your preparation
          </h2>
          <p className="mb-2">
            {prep.shared
              ? `You shared it with your manager on ${formatDateTime(prep.submittedAt!)}.`
              : prep.canWrite
                ? "What went well, what was hard, what you want to learn, your wellbeing and where you want your career to go. Only you see it until you share it."
                : "You did not share it with your manager."}
          </p>
          <p>
            <Link href={`/workers/${id}/appraisals/${appraisalId}/preparation`} className="font-semibold">
              {prep.canWrite ? (prep.shared ? "Add to your preparation" : "Prepare for your appraisal") : "Read your preparation"}
            </Link>
          </p>
        </section>
      ) : null}

      {prep && !prep.isTheWorker && a.status !== "cancelled" ? (
        <section aria-labelledby="preparation-heading" className="mb-8">
          <h2 id="preparation-heading" className="mb-2">
            {worker.firstName}&apos;s preparation
          </h2>
          {prep.answers ? (
            <>
              <p className="mb-3 text-nhs-secondary">Shared on {formatDateTime(prep.submittedAt!)}.</p>
              <PreparationAnswers answers={prep.answers} />
            </>
          ) : (
            <p>{worker.firstName} has not shared their preparation{a.status === "completed" ? "" : " yet"}.</p>
          )}
        </section>
      ) : null}

      {feedback && (feedback.asked.length > 0 || feedback.canAsk) ? (
        <FeedbackSection fb={feedback} workerFirstName={worker.firstName} askAction={askForFeedbackAction.bind(null, id, appraisalId)} />
      ) : null}

      {content === null ? (
        <section aria-labelledby="waiting-heading" className="card">
          <h2 id="waiting-heading" className="mb-2">
            {a.status === "scheduled" ? "Booked" : "Being written"}
          </h2>
          <p>
            {a.status === "cancelled"
              ? "This appraisal was cancelled."
              : `Your appraisal is ${a.status === "scheduled" ? "booked" : "being written"} for ${formatDate(a.scheduledFor)}${a.appraiserName ? ` with ${a.appraiserName}` : ""}. You can read it once it is sent to you to sign off.`}
          </p>
        </section>
      ) : detail.editable && a.status === "scheduled" ? (
        <section aria-labelledby="start-heading" className="mb-8">
          <h2 id="start-heading" className="mb-2">
            Start the appraisal
          </h2>
          <p className="mb-4">
            Scheduled for {formatDate(a.scheduledFor)}
            {a.appraiserName ? ` with ${a.appraiserName}` : ""}. Starting it brings in last year&apos;s objectives and the PDP&apos;s goals to review.
          </p>
          <StepForm id="start" action={startAppraisalAction.bind(null, id, appraisalId)} button="Start the appraisal" pendingText="Starting…" />
        </section>
      ) : detail.editable ? (
        <AppraisalForm
          action={saveAppraisalAction.bind(null, id, appraisalId)}
          version={String(a.updatedAt?.getTime() ?? 0)}
          draft={draftName("appraisal", appraisalId)}
          workerFirstName={worker.firstName}
          defaults={{
            heldOn: a.heldOn ?? "",
            achievements: content.achievements,
            wellbeing: content.wellbeing,
            feedback: content.feedback,
            trainingNeeds: content.trainingNeeds,
            appraiserSummary: content.appraiserSummary,
            reviews: content.reviews.map((r) => ({ id: r.id, objective: r.objective, outcome: r.outcome, comment: r.comment })),
            objectives: content.objectives,
          }}
        />
      ) : (
        <AppraisalRecord detail={detail} content={content} links own={detail.isWorker} />
      )}

      <Reschedulings moves={detail.reschedulings} />

      {detail.canReschedule ? (
        <section aria-labelledby="reschedule-heading" className="mt-8 border-t-4 border-nhs-grey-4 pt-6">
          <h2 id="reschedule-heading" className="mb-2">
            Move to another date
          </h2>
          <p className="mb-4">Agree the new date with {worker.firstName} first. The move and its reason are kept with the appraisal, and reminders follow the new date.</p>
          <RescheduleForm action={rescheduleAppraisalAction.bind(null, id, appraisalId)} bookedFor={formatDate(a.scheduledFor)} />
        </section>
      ) : null}


      {detail.awaitingMe ? (
        <section aria-labelledby="sign-heading" className="mt-8 border-t-4 border-nhs-blue pt-6">
          <h2 id="sign-heading" className="mb-2">
            Sign off your appraisal
          </h2>
          <p className="mb-4">
            Read it through. Add your comments if you want to, then sign it off.{" "}
            {a.appraiserSignedAt
              ? `${a.appraiserSignedByName} has signed as appraiser, so once you sign it is complete and locked.`
              : "Your appraiser signs it too; once you have both signed, it is complete and locked."}
          </p>
          <StepForm
            id="sign"
            action={signOffAppraisalAction.bind(null, id, appraisalId)}
            button="Sign off my appraisal"
            pendingText="Signing…"
            field={{ name: "workerComments", label: "Your comments (optional)", rows: 4 }}
            signature={{
              signer: signerOf(user, new Date()),
              signOnAgain: signInAgainWithMicrosoft.bind(null, `/workers/${id}/appraisals/${appraisalId}`),
            }}
          />
          <h2 id="return-heading" className="mt-8 mb-2">
            Something is not right?
          </h2>
          <p className="mb-4">Send it back to your manager, saying what needs changing.</p>
          <StepForm
            id="return"
            action={returnToManagerAction.bind(null, id, appraisalId)}
            button="Send back to my manager"
            pendingText="Sending…"
            secondary
            field={{ name: "reason", label: "What needs changing" }}
          />
        </section>
      ) : null}

      {detail.isWorker && a.status === "awaiting_sign_off" && a.workerSignedAt ? (
        <p className="card mt-6">
          You signed it off on {formatDateTime(a.workerSignedAt)}. It is complete once the appraiser signs it too.
        </p>
      ) : null}

      {!detail.isWorker && a.status === "awaiting_sign_off" ? (
        <p className="card mt-6">
          {a.workerSignedAt
            ? `${name} signed it off on ${formatDateTime(a.workerSignedAt)}.`
            : `Waiting for ${name} to read it, add their comments and sign it off. Only they can sign it off.`}
          {a.appraiserSignedAt ? ` ${a.appraiserSignedByName} signed as appraiser on ${formatDateTime(a.appraiserSignedAt)}.` : ""}
        </p>
      ) : null}

      {detail.canSignAsAppraiser ? (
        <section aria-labelledby="appraiser-sign-heading" className="mt-8 border-t-4 border-nhs-blue pt-6">
          <h2 id="appraiser-sign-heading" className="mb-2">
            Sign as appraiser
          </h2>
          <p className="mb-4">
            You sign as the appraiser, confirming this is the record of the appraisal. {a.workerSignedAt ? `${worker.firstName} has signed, so once you sign it is complete and locked.` : `Once ${worker.firstName} has signed too, it is complete and locked.`}
          </p>
          <StepForm
            id="appraiser-sign"
            action={signAsAppraiserAction.bind(null, id, appraisalId)}
            button="Sign as appraiser"
            pendingText="Signing…"
            signature={{
              signer: signerOf(user, new Date()),
              signOnAgain: signInAgainWithMicrosoft.bind(null, `/workers/${id}/appraisals/${appraisalId}`),
            }}
          />
        </section>
      ) : null}

      {content && detail.editable && a.status === "in_progress" ? (
        <section aria-labelledby="conversation-heading" className="mt-8">
          <h2 id="conversation-heading" className="mb-3">
            Career conversation
          </h2>
          <ConversationsSummary conversations={content.conversations} />
        </section>
      ) : null}
      {content && detail.editable && a.status === "in_progress" ? (
        <p className="mt-4">
          <Link href={`/workers/${id}/conversations/new?appraisal=${appraisalId}`}>Record the career conversation</Link>
        </p>
      ) : null}

      {content && detail.canEdit && a.status !== "cancelled" && content.objectives.length > 0 ? (
        <section aria-labelledby="pdp-heading" className="mt-8">
          <h2 id="pdp-heading" className="mb-3">
            New objectives and the PDP
          </h2>
          <ul className="mb-4 space-y-2">
            {content.objectives.map((o) => (
              <li key={o.id}>
                <span className="font-semibold">{o.title}</span>:{" "}
                {o.goalId ? <Link href={`/workers/${id}/pdp/goals/${o.goalId}`}>a goal in the PDP</Link> : <span>not in the PDP yet</span>}
              </li>
            ))}
          </ul>
          {content.objectives.some((o) => !o.goalId) ? (
            <StepForm id="to-pdp" action={objectivesToPdpAction.bind(null, id, appraisalId)} button="Add these objectives to the PDP" pendingText="Adding…" secondary />
          ) : (
            <p>All of these objectives are goals in the PDP.</p>
          )}
        </section>
      ) : null}

      {detail.canEdit && a.status === "completed" ? (
        <section aria-labelledby="reopen-heading" className="mt-8 border-t-4 border-nhs-grey-4 pt-6">
          <h2 id="reopen-heading" className="mb-2">
            Reopen
          </h2>
          <p className="mb-4">
            This appraisal is signed and locked. To change it, reopen it with a reason; both signatures are cleared, and {worker.firstName} and the appraiser sign it again.
          </p>
          <StepForm id="reopen" action={reopenAppraisalAction.bind(null, id, appraisalId)} button="Reopen the appraisal" pendingText="Reopening…" secondary field={{ name: "reason", label: "Reason for reopening" }} />
        </section>
      ) : null}

      {detail.editable ? (
        <section aria-labelledby="cancel-heading" className="mt-10 border-t-4 border-nhs-grey-4 pt-6">
          <h2 id="cancel-heading" className="mb-2">
            Cancel this appraisal
          </h2>
          <StepForm id="cancel" action={cancelAppraisalAction.bind(null, id, appraisalId)} button="Cancel the appraisal" pendingText="Cancelling…" secondary field={{ name: "reason", label: "Reason for cancelling" }} />
        </section>
      ) : null}
    </>
  );
}
