import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth";
import { feedbackRequest } from "@/db/queries/appraisal-feedback";
import { formatDate, formatDateTime } from "@/lib/rules/dates";
import { SavedBanner } from "@/components/saved-banner";
import { SummaryList } from "@/components/summary-list";
import { GiveFeedbackForm } from "../../../feedback-forms";
import { FEEDBACK_QUESTIONS } from "../../../feedback-questions";
import { StepForm } from "../../../step-forms";
import { declineFeedbackAction, giveFeedbackAction } from "../../../actions";

export const metadata: Metadata = { title: "Feedback for an appraisal" };

const DONE: Record<string, string> = {
  given: "Thank you. Your feedback was sent.",
  declined: "You declined this request.",
};

/**
 * A colleague's page for one request for feedback: only the person asked opens it (anyone else, the worker and their
 * manager included, gets 404; they read the feedback on the appraisal). The colleague need not see the worker's
 * record, so the page shows only the worker's name and the meeting's date.
 */
export default async function FeedbackRequestPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; appraisalId: string; requestId: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const user = await requireUser();
  const { id, appraisalId, requestId } = await params;
  const { done } = await searchParams;
  const r = await feedbackRequest(user, id, appraisalId, requestId);
  if (!r) notFound();

  return (
    <>
      <p className="mb-2">
        <Link href="/inbox">Back to your inbox</Link>
      </p>
      <h1 className="mb-4">Feedback for {r.workerName}&apos;s appraisal</h1>
      <SavedBanner message={DONE[done ?? ""]} />
      <div className="mb-6 max-w-3xl space-y-2">
        <p>
          {r.invitedByName} asked you on {formatDateTime(r.askedAt)} for short feedback for {r.workerName}&apos;s appraisal (the meeting is on{" "}
          {formatDate(r.meetingOn)}).
        </p>
        <p>
          Only {r.workerFirstName} and their manager read it.{" "}
          {r.anonymous
            ? `It is shown to them without your name. The audit trail still records that you gave it, as it does every change, for information governance.`
            : `It is shown to them with your name.`}
        </p>
      </div>

      {r.status === "given" && r.answers ? (
        <section aria-labelledby="given-heading">
          <h2 id="given-heading" className="mb-2">
            Your feedback
          </h2>
          <p className="mb-3 text-nhs-secondary">Given on {formatDateTime(r.respondedAt)}. It cannot be changed.</p>
          <SummaryList
            rows={FEEDBACK_QUESTIONS.map((q) => [
              q.ask,
              r.answers![q.name].trim() ? <span className="whitespace-pre-line">{r.answers![q.name]}</span> : <span className="text-nhs-secondary">Left blank</span>,
            ])}
          />
        </section>
      ) : r.status === "declined" ? (
        <p className="card">You declined this request on {formatDateTime(r.respondedAt)}.</p>
      ) : !r.canRespond ? (
        <p className="card">{r.closedWhy ?? "Feedback for this appraisal is closed."}</p>
      ) : (
        <>
          <section aria-labelledby="give-heading" className="mb-8">
            <h2 id="give-heading" className="mb-2">
              Give your feedback
            </h2>
            <p className="mb-4 max-w-3xl">Answer at least one question, in up to 1,000 characters each. Once sent, it cannot be changed.</p>
            <GiveFeedbackForm action={giveFeedbackAction.bind(null, id, appraisalId, requestId)} shownAs={r.anonymous ? "anonymous" : "named"} />
          </section>
          <section aria-labelledby="decline-heading" className="border-t-4 border-nhs-grey-4 pt-6">
            <h2 id="decline-heading" className="mb-2">
              Decline
            </h2>
            <p className="mb-4 max-w-3xl">If you do not know {r.workerFirstName}&apos;s work well enough, or would rather not, you can decline. {r.anonymous ? "They and their manager see how many declined, not who." : "They and their manager see that you declined."}</p>
            <StepForm id="decline" action={declineFeedbackAction.bind(null, id, appraisalId, requestId)} button="Decline this request" pendingText="Declining…" secondary />
          </section>
        </>
      )}
    </>
  );
}
