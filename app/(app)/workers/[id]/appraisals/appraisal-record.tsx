// The appraisal as a read-only record: for the worker reading before sign-off, the locked completed view, a lead,
// and the A4 print view. Server-rendered.
import Link from "@/components/link";
import type { AppraisalDetail } from "@/db/queries/appraisals";
import { formatDate, formatDateTime } from "@/lib/rules/dates";
import {
  appraisalStatusWords,
  aspirationWords,
  interestWords,
  objectiveOutcomeWords,
  ownAppraisalStatusWords,
  type AppraisalStatus as Status,
  type ObjectiveOutcome,
} from "@/lib/vocabulary";
import { Tag } from "@/components/tags";
import { SummaryList } from "@/components/summary-list";
import { PREPARATION_QUESTIONS, type PreparationAnswers as Answers } from "./preparation-questions";

type Content = NonNullable<AppraisalDetail["content"]>;

const STATUS_TONE: Record<Status, "blue" | "amber" | "green" | "grey"> = {
  scheduled: "blue",
  in_progress: "amber",
  awaiting_sign_off: "amber",
  completed: "green",
  cancelled: "grey",
};

/**
 * `own`: the worker reading about their own appraisal ("Awaiting your sign-off"); once they have signed
 * (`workerSigned`), it waits for the appraiser.
 */
export function AppraisalStatus({ status, own = false, workerSigned = false }: { status: Status; own?: boolean; workerSigned?: boolean }) {
  if (own && workerSigned && status === "awaiting_sign_off") return <Tag tone={STATUS_TONE[status]}>Awaiting the appraiser&apos;s signature</Tag>;
  return <Tag tone={STATUS_TONE[status]}>{(own ? ownAppraisalStatusWords : appraisalStatusWords).label(status)}</Tag>;
}

/** The moves of a booked appraisal to another date, oldest first: from, to, why, who and when. */
export function Reschedulings({ moves }: { moves: AppraisalDetail["reschedulings"] }) {
  if (moves.length === 0) return null;
  return (
    <section aria-labelledby="moves-heading" className="mt-8 mb-8 print-keep">
      <h2 id="moves-heading" className="mb-3">
        Date changes
      </h2>
      <ul className="space-y-3">
        {moves.map((m) => (
          <li key={m.id} className="border-l-4 border-nhs-grey-4 pl-3">
            <p className="font-semibold">
              Moved from {formatDate(m.fromDate)} to {formatDate(m.toDate)}
            </p>
            <p className="whitespace-pre-line">{m.reason}</p>
            <p className="text-sm text-nhs-secondary">
              By {m.byName ?? "a former user"}, {formatDateTime(m.at)}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Who signed and when: the worker's signature and the appraiser's, each a name with a date and time, or "Not yet". */
export function signatureRows(detail: AppraisalDetail, own: boolean): Array<[string, string]> {
  const a = detail.appraisal;
  const worker = `${detail.worker.firstName} ${detail.worker.lastName}`;
  return [
    [own ? "Signed off by you" : "Signed off by the worker", a.workerSignedAt ? (own ? formatDateTime(a.workerSignedAt) : `${worker}, ${formatDateTime(a.workerSignedAt)}`) : "Not yet"],
    ["Signed by the appraiser", a.appraiserSignedAt ? `${a.appraiserSignedByName ?? "a former user"}, ${formatDateTime(a.appraiserSignedAt)}` : "Not yet"],
  ];
}

const OUTCOME_TONE: Record<ObjectiveOutcome, "green" | "amber" | "red"> = { met: "green", partly_met: "amber", not_met: "red" };

function Text({ value, empty = "Nothing recorded" }: { value: string; empty?: string }) {
  return value.trim() ? <p className="whitespace-pre-line">{value}</p> : <p className="text-nhs-secondary">{empty}</p>;
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="mb-8 print-keep">
      <h2 id={id} className="mb-3">
        {title}
      </h2>
      {children}
    </section>
  );
}

export function ConversationsSummary({ conversations }: { conversations: Content["conversations"] }) {
  if (conversations.length === 0) return <p className="text-nhs-secondary">No career conversation has been recorded in this appraisal.</p>;
  return (
    <div className="space-y-4">
      {conversations.map((c) => (
        <div key={c.id} className="print-keep">
          <SummaryList
            rows={[
              ["Held on", formatDate(c.heldOn)],
              ["Aspiration", `${aspirationWords.label(c.aspiration)}${c.targetProfession ? ` (${c.targetProfession})` : ""}${c.aspirationDetail ? `: ${c.aspirationDetail}` : ""}`],
              ["Interest in an apprenticeship", interestWords.label(c.apprenticeshipInterest)],
              ["Options discussed", c.optionsDiscussed ? <span className="whitespace-pre-line">{c.optionsDiscussed}</span> : ""],
              [
                "Next steps",
                c.steps.length ? (
                  <ul className="list-disc pl-5">
                    {c.steps.map((s) => (
                      <li key={s.id}>
                        {s.description}
                        {s.dueOn ? ` (by ${formatDate(s.dueOn)})` : ""}
                        {s.doneOn ? ` — done ${formatDate(s.doneOn)}` : ""}
                      </li>
                    ))}
                  </ul>
                ) : (
                  ""
                ),
              ],
              ["Next conversation", formatDate(c.nextConversationOn)],
            ]}
          />
        </div>
      ))}
    </div>
  );
}

export function AppraisalRecord({
  detail,
  content,
  links,
  own = false,
}: {
  detail: AppraisalDetail;
  content: Content;
  /** Links to the PDP goals (not on paper). */
  links: boolean;
  /** Read on screen by the worker it is about, who is "you" (paper names people). */
  own?: boolean;
}) {
  const a = detail.appraisal;
  const workerId = detail.worker.id;
  return (
    <>
      <Section id="about-heading" title="About this appraisal">
        <SummaryList
          rows={[
            ["Scheduled for", formatDate(a.scheduledFor)],
            ["Held on", formatDate(a.heldOn)],
            ["Appraiser", a.appraiserName ?? ""],
            ...signatureRows(detail, own),
          ]}
        />
      </Section>

      <Section id="reviews-heading" title="Last year's objectives">
        {content.reviews.length === 0 ? (
          <p className="text-nhs-secondary">There were no objectives from last year to review.</p>
        ) : (
          <ul className="space-y-3">
            {content.reviews.map((r) => (
              <li key={r.id} className="border-l-4 border-nhs-grey-4 pl-3">
                <p className="font-semibold">{r.objective}</p>
                <p>{r.outcome ? <Tag tone={OUTCOME_TONE[r.outcome]}>{objectiveOutcomeWords.label(r.outcome)}</Tag> : <Tag tone="grey">Not marked</Tag>}</p>
                {r.comment ? <p className="mt-1 whitespace-pre-line">{r.comment}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="achievements-heading" title="Achievements">
        <Text value={content.achievements} />
      </Section>
      <Section id="wellbeing-heading" title="Wellbeing">
        <Text value={content.wellbeing} />
      </Section>
      <Section id="feedback-heading" title="Feedback">
        <Text value={content.feedback} />
      </Section>
      <Section id="career-heading" title="Career conversation">
        <ConversationsSummary conversations={content.conversations} />
      </Section>
      <Section id="training-heading" title="Training and development needs">
        <Text value={content.trainingNeeds} />
      </Section>

      <Section id="objectives-heading" title="New objectives">
        {content.objectives.length === 0 ? (
          <p className="text-nhs-secondary">No new objectives recorded.</p>
        ) : (
          <ol className="list-decimal space-y-3 pl-6">
            {content.objectives.map((o) => (
              <li key={o.id}>
                <p className="font-semibold">{o.title}</p>
                {o.successMeasure ? <p className="whitespace-pre-line">Success: {o.successMeasure}</p> : null}
                {o.targetDate ? <p>By {formatDate(o.targetDate)}</p> : null}
                {o.goalId ? (
                  links ? (
                    <p>
                      <Link href={`/workers/${workerId}/pdp/goals/${o.goalId}`}>In the PDP as a goal</Link>
                    </p>
                  ) : (
                    <p>In the PDP as a goal</p>
                  )
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </Section>

      <Section id="summary-heading" title="Appraiser's summary">
        <Text value={content.appraiserSummary} />
      </Section>
      <Section id="worker-comments-heading" title={own ? "Your comments" : "The worker's comments"}>
        <Text value={content.workerComments} empty={a.workerSignedAt ? "No comments" : "Not yet signed off"} />
      </Section>

      {content.reopenings.length > 0 ? (
        <Section id="reopenings-heading" title="Reopened">
          <ul className="space-y-2">
            {content.reopenings.map((r) => (
              <li key={r.id}>
                {formatDateTime(r.at)} by {r.byName ?? "a former user"}: {r.reason}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </>
  );
}

/** The worker's preparation as read by their manager or a lead (or by the worker, once it can no longer change). */
export function PreparationAnswers({ answers, own = false }: { answers: Answers; own?: boolean }) {
  return (
    <SummaryList
      rows={PREPARATION_QUESTIONS.map((q) => [
        own ? q.ask : q.read,
        answers[q.name].trim() ? <span className="whitespace-pre-line">{answers[q.name]}</span> : <span className="text-nhs-secondary">Left blank</span>,
      ])}
    />
  );
}
