import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth";
import { signerOf } from "@/lib/rules/signature";
import { signInAgainWithMicrosoft } from "@/app/sign-on-again";
import { pdpPage } from "@/db/queries/pdps";
import { WorkerRecordHeader } from "@/components/worker-record-nav";
import { Tag } from "@/components/tags";
import { formatDate, todayInLondon } from "@/lib/rules/dates";
import { defaultPdpPeriod, isUnfinished, nextPeriodStart, pdpPeriodName, pdpPermissions } from "@/lib/rules/pdp";
import { isActionOverdue } from "@/lib/rules/pdp-goals";
import { agreePdpAction, closePdpAction, recordPdpReviewAction, startPdpAction } from "./actions";
import { StartPdpForm } from "./start-form";
import { AgreeForm } from "./agree-form";
import { ReviewForm } from "./review-form";
import { ClosePdpForm } from "./close-form";
import { EarlierPdps, GoalStatusTag, PdpSummary, ReviewList, domainWords, sourceWords, supportList } from "./pdp-view";

export const metadata: Metadata = { title: "Personal development plan" };

const SAVED: Record<string, string> = {
  started: "PDP started. Add goals, then agree it together.",
  agreed: "You have agreed this plan.",
  "already-agreed": "You had already agreed this version of the plan.",
  reviewed: "Review recorded.",
  closed: "PDP closed. It stays readable under earlier PDPs.",
  "closed-carried": "PDP closed. A new draft PDP has started with the unfinished goals carried over.",
};

export default async function PdpPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const saved = SAVED[(await searchParams).saved ?? ""];
  const data = await pdpPage(user, id);
  if (!data) notFound();
  const { worker, current, earlier } = data;
  const today = todayInLondon();
  const workerName = `${worker.firstName} ${worker.lastName}`;
  const inPost = worker.status === "in_post";
  const may = pdpPermissions({ role: user.role, ownRecord: worker.isOwn, editable: worker.canManage, inPost }, current);
  const canManage = may.manages;
  const isOwn = may.own;
  const base = `/workers/${id}/pdp`;

  const pendingGoals = current?.goals.filter((g) => !g.agreedAt).length ?? 0;
  const unfinished = current?.goals.filter((g) => isUnfinished(g.status)).length ?? 0;

  return (
    <>
      <WorkerRecordHeader worker={worker} current="pdp" title="Personal development plan" />
      {saved ? (
        <p role="status" className="mb-6 border-l-8 border-nhs-green bg-white p-3 font-semibold">
          {saved}
        </p>
      ) : null}

      {!current ? (
        <section aria-labelledby="no-pdp" className="mb-10 max-w-2xl">
          <h2 id="no-pdp" className="mb-3">
            {canManage ? "Start a PDP" : "No current PDP"}
          </h2>
          {canManage ? (
            <>
              <p className="mb-4">
                {workerName} has no current PDP. Set its period and first review; you then add goals and agree it together.
              </p>
              <StartPdpForm action={startPdpAction.bind(null, id)} defaults={defaultPdpPeriod(today)} />
            </>
          ) : isOwn ? (
            <p className="card">
              You don&apos;t have a current PDP yet. Your manager starts one with you, often after your appraisal. Your earlier plans
              are below.
            </p>
          ) : (
            <p className="card">{workerName} has no current PDP.</p>
          )}
        </section>
      ) : (
        <>
          <section aria-labelledby="plan" className="mb-10 max-w-3xl">
            <h2 id="plan" className="mb-3">
              PDP {pdpPeriodName(current.periodStart, current.periodEnd)}
            </h2>
            <div className="mb-4">
              <PdpSummary pdp={current} workerName={workerName} today={today} own={isOwn} />
            </div>
            {current && may.mayAgree ? (
              <AgreeForm
                action={agreePdpAction.bind(null, id)}
                pdpId={current.id}
                version={current.version}
                signer={signerOf(user, new Date())}
                signOnAgain={signInAgainWithMicrosoft.bind(null, `/workers/${id}/pdp`)}
                hint={
                  isOwn
                    ? `Agree version ${current.version} once you and your manager have talked the plan through.`
                    : pendingGoals > 0
                      ? `Agreeing version ${current.version} also agrees the ${pendingGoals} ${pendingGoals === 1 ? "goal" : "goals"} ${workerName} proposed.`
                      : `Agree version ${current.version} once you and ${workerName} have talked the plan through.`
                }
              />
            ) : null}
            <p>
              <Link href={`${base}/${current.id}/print`}>Print this PDP</Link>
            </p>
          </section>

          <section aria-labelledby="goals" className="mb-10">
            <div className="mb-3 flex flex-wrap items-baseline justify-between gap-4">
              <h2 id="goals">Goals</h2>
              {may.mayAddGoal ? (
                <Link href={`${base}/goals/new`} className="btn btn-secondary">
                  {canManage ? "Add a goal" : "Propose a goal"}
                </Link>
              ) : null}
            </div>
            {current.goals.length === 0 ? (
              <p className="card">No goals yet.</p>
            ) : (
              <ul className="grid gap-4 lg:grid-cols-2">
                {current.goals.map((g) => (
                  <li key={g.id} className="card flex flex-col">
                    <h3 className="mb-2 text-xl">{g.title}</h3>
                    <p className="mb-3 flex flex-wrap items-center gap-2">
                      <GoalStatusTag status={g.status} />
                      {g.agreedAt ? null : (
                        <Tag tone="amber">{isOwn ? "Proposed, waiting for your manager" : `Proposed by ${worker.firstName}, waiting for agreement`}</Tag>
                      )}
                    </p>
                    <dl className="mb-3 space-y-1">
                      <Fact term="Target date" value={g.targetDate ? formatDate(g.targetDate) : null} />
                      {g.statusReason ? <Fact term="Reason" value={g.statusReason} /> : null}
                      <Fact term="Domains" value={domainWords(g)} />
                      <Fact term="Support" value={supportList(g)} />
                      <Fact
                        term="Next action"
                        value={
                          g.openActions === 0
                            ? "No open actions"
                            : `${g.nextActionDue ? `Due ${formatDate(g.nextActionDue)}` : "No due date"} (${g.openActions} open)`
                        }
                        warn={isActionOverdue(g.nextActionDue, today)}
                      />
                      {g.lastNoteAt ? <Fact term="Last note" value={formatDate(todayInLondon(g.lastNoteAt))} /> : null}
                      {g.source ? <Fact term="Came from" value={sourceWords(g)} /> : null}
                    </dl>
                    <p className="mt-auto">
                      <Link href={`${base}/goals/${g.id}`}>
                        View goal<span className="sr-only">: {g.title}</span>
                      </Link>
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="reviews" className="mb-10 max-w-3xl">
            <h2 id="reviews" className="mb-3">
              Reviews
            </h2>
            <ReviewList reviews={current.reviews} />
            {canManage ? (
              <div className="card">
                <h3 className="mb-3 text-xl">Record a review</h3>
                <ReviewForm action={recordPdpReviewAction.bind(null, id)} pdpId={current.id} today={today} />
              </div>
            ) : null}
          </section>

          {worker.canManage ? (
            <section aria-labelledby="close" className="mb-10 max-w-3xl">
              <h2 id="close" className="mb-3">
                Close this PDP
              </h2>
              <p className="mb-4">Close the plan at the end of its period. It stays readable under earlier PDPs.</p>
              <ClosePdpForm
                action={closePdpAction.bind(null, id)}
                pdpId={current.id}
                carryHint={
                  !inPost
                    ? `${workerName} has left, so no new PDP will start.`
                    : unfinished === 0
                      ? `A new draft PDP starts on ${formatDate(nextPeriodStart(current.periodEnd, today))} with no goals: every goal here is finished.`
                      : `${unfinished} unfinished ${unfinished === 1 ? "goal moves" : "goals move"} into a new draft PDP starting ${formatDate(nextPeriodStart(current.periodEnd, today))}.`
                }
              />
            </section>
          ) : null}
        </>
      )}

      <section aria-labelledby="earlier" className="mb-6 max-w-3xl">
        <h2 id="earlier" className="mb-3">
          Earlier PDPs
        </h2>
        <EarlierPdps workerId={id} earlier={earlier} />
      </section>
    </>
  );
}

function Fact({ term, value, warn }: { term: string; value: string | null; warn?: boolean }) {
  return (
    <div className="flex flex-wrap gap-x-2">
      <dt className="font-semibold">{term}:</dt>
      <dd className={warn ? "font-semibold text-nhs-red" : undefined}>{value || <span className="text-nhs-secondary">Not set</span>}</dd>
    </div>
  );
}
