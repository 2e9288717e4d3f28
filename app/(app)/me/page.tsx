import type { Metadata } from "next";
import Link from "@/components/link";
import { requireRole } from "@/lib/auth";
import { ReadinessPanel } from "@/components/readiness-panel";
import { myDevelopment } from "@/db/queries/homes";
import { WaitingList } from "@/components/waiting-list";
import { todayInLondon, formatDate } from "@/lib/rules/dates";
import { isAgreed } from "@/lib/rules/pdp";
import { openAppraisalWords } from "@/lib/rules/appraisal-lifecycle";
import { isActionOverdue } from "@/lib/rules/pdp-goals";
import { goalStatusWords, ownAppraisalStatusWords, aspirationWords, frameworkStageWords } from "@/lib/vocabulary";
import { AppraisalStatusTag, Tag } from "@/components/tags";
import { ComplianceTag } from "@/components/compliance";
import { compliancePercent, needsAttention } from "@/lib/rules/mandatory-training";

export const metadata: Metadata = { title: "My development" };

const GOAL_TONE = { achieved: "green", in_progress: "blue", not_started: "grey", deferred: "amber", dropped: "grey" } as const;

export default async function MyDevelopmentPage() {
  const user = await requireRole("support_worker");
  const today = todayInLondon();
  const home = await myDevelopment(user, today);
  if (!home) {
    return (
      <>
        <h1 className="mb-4">My development</h1>
        <p className="card">
          Your login is not linked to a support worker record yet. Ask your manager or your Pathways administrator to link it.
        </p>
      </>
    );
  }
  const { me, summary, waiting, pdp, goals, dueSoon, appraisals, conversations, readiness, mandatory } = home;
  const base = `/workers/${me.id}`;
  const openGoals = goals.filter((g) => g.status === "not_started" || g.status === "in_progress");

  return (
    <>
      <p className="text-nhs-secondary">
        {me.jobTitle} · {me.teamName}
      </p>
      <h1 className="mb-6">My development</h1>

      {waiting.length > 0 ? (
        <section aria-labelledby="to-do" className="mb-8 border-l-8 border-nhs-warm-yellow bg-white p-4">
          <h2 id="to-do" className="mb-1 text-lg">
            Waiting for you
          </h2>
          <p className="mb-3 text-nhs-secondary">
            Everything in your <Link href="/inbox">inbox</Link>, most pressing first.
          </p>
          <WaitingList reminders={waiting} showWho={false} />
        </section>
      ) : null}

      {summary ? (
        <div className="mb-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <section className="card" aria-labelledby="next-appraisal">
            <h2 id="next-appraisal" className="mb-2 text-lg">
              Next appraisal
            </h2>
            <p className="mb-2">
              <AppraisalStatusTag status={summary.appraisalStatus} everAppraised={!!summary.lastAppraisalOn} />
            </p>
            <p>Due by {formatDate(summary.appraisalDueOn)}</p>
            {summary.openAppraisalStatus && summary.nextAppraisalOn ? (
              <p className="text-nhs-secondary">
                {openAppraisalWords({
                  status: summary.openAppraisalStatus,
                  scheduledFor: summary.nextAppraisalOn,
                  heldOn: summary.openAppraisalHeldOn,
                  workerSignedAt: appraisals.find((a) => a.status === summary.openAppraisalStatus && a.scheduledFor === summary.nextAppraisalOn)?.workerSignedAt ?? null,
                })}
              </p>
            ) : null}
          </section>
          <section className="card" aria-labelledby="cpd">
            <h2 id="cpd" className="mb-2 text-lg">
              CPD in the last 12 months
            </h2>
            <p className="text-3xl font-bold tabular-nums">{Number(summary.cpdHours12m.toFixed(1))} hours</p>
            <p className="mt-2">
              <Link href={`/workers/${me.id}/cpd`}>My CPD and training</Link>
            </p>
          </section>
          <section className="card" aria-labelledby="competencies">
            <h2 id="competencies" className="mb-2 text-lg">
              Competencies at my stage
            </h2>
            {/* The same figures as the readiness panel's "At your stage" (one overview), named by their stage. */}
            {readiness?.current ? (
              <>
                <p className="text-3xl font-bold tabular-nums">
                  {readiness.current.signedOff} <span className="text-base font-normal">of {readiness.current.total} signed off</span>
                </p>
                <p className="text-nhs-secondary">{frameworkStageWords.label(readiness.current.stage)} statements</p>
                <p>
                  {readiness.current.gapCount === 0 ? (
                    "None still to achieve"
                  ) : (
                    <Link href={`${base}/competencies?stage=current&show=gaps`}>{readiness.current.gapCount} still to achieve</Link>
                  )}
                </p>
              </>
            ) : (
              <p>{me.stage}: no framework stage yet.</p>
            )}
            <p className="mt-2">
              <Link href={`${base}/competencies`}>My competencies</Link>
            </p>
          </section>
          <section className="card" aria-labelledby="next-conversation">
            <h2 id="next-conversation" className="mb-2 text-lg">
              {summary.apprenticeship ? "My apprenticeship" : "Next career conversation"}
            </h2>
            {summary.apprenticeship ? (
              <p>
                <Link href={`${base}/apprenticeship`}>{summary.apprenticeship}</Link>
              </p>
            ) : summary.nextConversationOn ? (
              <p>Planned for {formatDate(summary.nextConversationOn)}</p>
            ) : (
              <p>None planned yet. Ask your manager about your next step.</p>
            )}
          </section>
        </div>
      ) : null}

      {mandatory && mandatory.counts.required > 0 ? (
        <section aria-labelledby="mandatory" className="card mb-8">
          <h2 id="mandatory" className="mb-2 text-lg">
            Mandatory training
          </h2>
          <p className="mb-2">
            <span className="text-3xl font-bold tabular-nums">{mandatory.counts.in_date + mandatory.counts.expiring}</span> of {mandatory.counts.required} in date (
            {compliancePercent(mandatory.counts)}%)
          </p>
          {mandatory.needed.some((n) => needsAttention(n.status)) ? (
            <ul className="mb-2 space-y-1" aria-label="Mandatory training to do">
              {mandatory.needed
                .filter((n) => needsAttention(n.status))
                .map((n) => (
                  <li key={n.subjectId} className="flex flex-wrap items-center gap-2">
                    <ComplianceTag status={n.status} /> {n.name}
                    {n.expiresOn ? <span className="text-nhs-secondary">{n.status === "expired" ? `expired ${formatDate(n.expiresOn)}` : `expires ${formatDate(n.expiresOn)}`}</span> : null}
                  </li>
                ))}
            </ul>
          ) : (
            <p className="mb-2">All in date.</p>
          )}
          <p>
            <Link href={`${base}/mandatory-training`}>My mandatory training</Link>
          </p>
        </section>
      ) : null}

      {readiness ? (
        <div className="mb-8">
          <ReadinessPanel readiness={readiness} workerId={me.id} own headingId="my-readiness" />
        </div>
      ) : null}

      <section aria-labelledby="pdp-goals" className="mb-8">
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-x-4">
          <h2 id="pdp-goals">My PDP goals</h2>
          {pdp ? (
            <p>
              <Link href={`${base}/pdp`}>My whole PDP</Link>
              <span aria-hidden="true"> · </span>
              <Link href={`${base}/pdp/goals/new`}>Propose a goal</Link>
            </p>
          ) : null}
        </div>
        {pdp ? (
          <p className="mb-3 text-nhs-secondary">
            {formatDate(pdp.periodStart)} to {formatDate(pdp.periodEnd)} ·{" "}
            {isAgreed(pdp) ? "agreed by you and your manager" : pdp.workerAgreedAt ? "waiting for your manager to agree it" : "not agreed by you yet"}
            {pdp.nextReviewOn ? ` · next review ${formatDate(pdp.nextReviewOn)}` : ""}
          </p>
        ) : null}
        {goals.length === 0 ? (
          <p className="card">
            {pdp ? (
              <>
                Your PDP has no goals yet. <Link href={`${base}/pdp/goals/new`}>Propose one</Link> or agree them with your manager.
              </>
            ) : (
              "You have no personal development plan yet. Your manager will start one with you, usually at your appraisal."
            )}
          </p>
        ) : (
          <ul className="space-y-3">
            {goals.map((g) => {
              const overdue = isActionOverdue(g.nextActionDue, today);
              const total = g.openActions + g.doneActions;
              const open = g.status === "not_started" || g.status === "in_progress";
              return (
                <li key={g.id} className="card">
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <h3 className="text-lg">
                      <Link href={`${base}/pdp/goals/${g.id}`}>{g.title}</Link>
                    </h3>
                    <span className="flex flex-wrap gap-2">
                      {g.pending ? <Tag tone="amber">Proposed</Tag> : null}
                      <Tag tone={GOAL_TONE[g.status]}>{goalStatusWords.label(g.status)}</Tag>
                    </span>
                  </div>
                  <p className="mt-1 text-nhs-secondary">
                    {g.targetDate ? `Target: ${formatDate(g.targetDate)}` : "No target date"}
                    {total > 0 ? ` · ${g.doneActions} of ${total} action${total === 1 ? "" : "s"} done` : ""}
                    {g.lastNoteAt ? ` · last note ${formatDate(todayInLondon(new Date(g.lastNoteAt)))}` : ""}
                  </p>
                  {total > 0 ? (
                    <progress className="mt-2 block h-2 w-full" max={total} value={g.doneActions} aria-label={`Actions done for ${g.title}`} />
                  ) : null}
                  {g.nextActionDue && open ? (
                    <p className={overdue ? "font-semibold text-nhs-red" : ""}>
                      Next action due {formatDate(g.nextActionDue)}
                      {overdue ? " (overdue)" : ""}
                    </p>
                  ) : null}
                  {open ? (
                    <p className="mt-2 flex flex-wrap gap-x-4 gap-y-2">
                      <Link href={`${base}/pdp/goals/${g.id}?note=progress#add-note`}>
                        Add a progress note<span className="sr-only"> to {g.title}</span>
                      </Link>
                      <Link href={`${base}/pdp/goals/${g.id}?note=reflection#add-note`}>
                        Add a reflection<span className="sr-only"> on {g.title}</span>
                      </Link>
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
        {openGoals.length > 0 && dueSoon.length > 0 ? (
          <section aria-labelledby="due-soon" className="mt-6">
            <h3 id="due-soon" className="mb-2">
              Actions due in the next two weeks
            </h3>
            <ul className="card space-y-2">
              {dueSoon.map((a) => {
                const late = isActionOverdue(a.dueOn, today);
                return (
                  <li key={a.id}>
                    <Link href={`${base}/pdp/goals/${a.goalId}`}>{a.description}</Link>
                    <span className={`block text-sm ${late ? "font-semibold text-nhs-red" : "text-nhs-secondary"}`}>
                      {late ? "Overdue since" : "Due"} {formatDate(a.dueOn)} · {a.owner === "worker" ? "yours" : "your manager's"} · {a.goalTitle}
                    </span>
                  </li>
                );
              })}
            </ul>
          </section>
        ) : null}
      </section>

      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="appraisals">
          <h2 id="appraisals" className="mb-3">
            My appraisals
          </h2>
          {appraisals.length === 0 ? (
            <p className="card">No appraisals recorded yet.</p>
          ) : (
            <ul className="card space-y-2">
              {appraisals.map((a) => (
                <li key={a.id} className="flex flex-wrap justify-between gap-x-4">
                  <Link href={`${base}/appraisals/${a.id}`}>{formatDate(a.heldOn ?? a.scheduledFor)}</Link>
                  <span className="text-nhs-secondary">
                    {a.status === "awaiting_sign_off" && a.workerSignedAt ? "Awaiting the appraiser's signature" : ownAppraisalStatusWords.label(a.status)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="conversations">
          <h2 id="conversations" className="mb-3">
            My career conversations
          </h2>
          {conversations.length === 0 ? (
            <p className="card">No career conversations recorded yet. They are a chance to talk about where you want to go next.</p>
          ) : (
            <ul className="card space-y-2">
              {conversations.map((c) => (
                <li key={c.id}>
                  <Link href={`${base}/conversations/${c.id}`}>{formatDate(c.heldOn)}</Link>
                  <span className="block text-sm text-nhs-secondary">
                    Aiming for: {aspirationWords.label(c.aspiration)}
                    {c.openSteps > 0 ? ` · ${c.openSteps} step${c.openSteps === 1 ? "" : "s"} to do` : ""}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <p className="mt-8">
        <Link href={base}>My record and position history</Link>
      </p>
      <section aria-labelledby="equality" className="card mt-6 max-w-3xl">
        <h2 id="equality" className="mb-1 text-lg">
          Equality monitoring
        </h2>
        <p>
          Optional questions about you that help check development reaches everyone fairly. Only you see your answers; your manager never does.{" "}
          <Link href="/me/equality">Answer or change the equality questions</Link>
        </p>
      </section>
    </>
  );
}
