// The appraisal page's "Feedback from colleagues": who was asked, what they said (named or not, as the organisation
// chose when each gave it), and the form to ask another. Shown to the worker and their manager only.
import { SummaryList } from "@/components/summary-list";
import { formatDate, formatDateTime, todayInLondon } from "@/lib/rules/dates";
import { ANONYMOUS_SAFE_FROM, FEEDBACK_INVITES_MAX } from "@/lib/rules/appraisal-feedback";
import type { AppraisalFeedback } from "@/db/queries/appraisal-feedback";
import type { FormAction } from "@/components/forms/use-form-action";
import { AskForFeedbackForm } from "./feedback-forms";
import { FEEDBACK_QUESTIONS } from "./feedback-questions";

const STATUS_WORDS = { requested: "not answered yet", given: "gave feedback", declined: "declined" } as const;

export function FeedbackSection({ fb, workerFirstName, askAction }: { fb: AppraisalFeedback; workerFirstName: string; askAction: FormAction }) {
  const { counts } = fb;
  const whose = fb.isTheWorker ? "you" : workerFirstName;
  const anonymous = fb.feedback.filter((g) => g.giverName === null);
  return (
    <section aria-labelledby="feedback-heading" className="mb-8">
      <h2 id="feedback-heading" className="mb-2">
        Feedback from colleagues
      </h2>
      <p className="mb-3 max-w-3xl">
        Optional: up to {FEEDBACK_INVITES_MAX} colleagues can be asked for short feedback. Only {fb.isTheWorker ? "you and your manager" : `${workerFirstName} and their manager`} read
        it. {fb.anonymousNow ? "Your organisation shows it without the name of the colleague who gave it." : "It is shown with the name of the colleague who gave it."}
      </p>

      {fb.asked.length === 0 ? (
        <p className="mb-4">Nobody has been asked{fb.open ? " yet" : ""}.</p>
      ) : (
        <div className="mb-4">
          <h3 className="mb-2 text-lg">Asked</h3>
          <ul className="list-disc space-y-1 pl-6">
            {fb.asked.map((r) => (
              <li key={r.id}>
                {r.name}
                {r.status ? `: ${STATUS_WORDS[r.status]}` : ""} <span className="text-nhs-secondary">(asked by {r.invitedByName} on {formatDate(todayInLondon(r.askedAt))})</span>
              </li>
            ))}
          </ul>
          {fb.asked.some((r) => r.status === null) ? (
            <p className="mt-2">
              {counts.given} given, {counts.declined} declined, {counts.waiting} not answered yet. Who answered is not shown, so that anonymous feedback stays anonymous.
            </p>
          ) : null}
        </div>
      )}

      {fb.feedback.length > 0 ? (
        <>
          {fb.identifiable ? (
            <p className="card mb-4 border-l-8 border-nhs-warm-yellow">
              With fewer than {ANONYMOUS_SAFE_FROM} responses, anonymous feedback could be traced to the colleague who gave it. Read it with that in mind.
            </p>
          ) : null}
          <ul className="space-y-4">
            {fb.feedback.map((g) => (
              <li key={g.id} className="card">
                <h3 className="mb-2 text-lg">{g.giverName ? `From ${g.giverName}` : `From a colleague (anonymous${anonymous.length > 1 ? `, ${anonymous.indexOf(g) + 1} of ${anonymous.length}` : ""})`}</h3>
                {/* The minute it was given could point to who gave it: anonymous feedback shows the day only. */}
                <p className="mb-2 text-nhs-secondary">Given on {g.giverName ? formatDateTime(g.givenAt) : formatDate(todayInLondon(g.givenAt))}</p>
                <SummaryList
                  rows={FEEDBACK_QUESTIONS.map((q) => [
                    q.read,
                    g[q.name].trim() ? <span className="whitespace-pre-line">{g[q.name]}</span> : <span className="text-nhs-secondary">Left blank</span>,
                  ])}
                />
              </li>
            ))}
          </ul>
        </>
      ) : fb.asked.length > 0 ? (
        <p className="mb-4">No feedback has been given yet.</p>
      ) : null}

      {fb.canAsk ? (
        <div className="mt-6">
          <h3 className="mb-2 text-lg">Ask a colleague</h3>
          <p className="mb-3 max-w-3xl">They see the request in their inbox and answer three short questions about {whose === "you" ? "you" : workerFirstName}, or decline.</p>
          <AskForFeedbackForm action={askAction} choices={fb.choices} own={fb.isTheWorker} />
        </div>
      ) : fb.cannotAskWhy && fb.open ? (
        <p className="mt-4">{fb.cannotAskWhy}</p>
      ) : null}
    </section>
  );
}
