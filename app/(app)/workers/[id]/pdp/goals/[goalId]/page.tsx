import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth";
import { goalDetail, goalPageWorker } from "@/db/queries/pdp-goals";
import { WorkerRecordHeader } from "@/components/worker-record-nav";
import { SummaryList } from "@/components/summary-list";
import { Tag } from "@/components/tags";
import { formatDate, formatDateTime } from "@/lib/rules/dates";
import { nextStatusesFor } from "@/lib/rules/pdp-goals";
import {
  actionOwnerWords,
  ownActionOwnerWords,
  barrierWords,
  frameworkStageWords,
  goalStatusWords,
  noteKindWords,
  pdpStatusWords,
  supportWords,
  type GoalStatus,
} from "@/lib/vocabulary";
import { AddActionForm, ActionDoneButton, AgreeGoalForm, BarrierForm, GoalStatusForm, NoteForm, StartGoalForm } from "../goal-detail-forms";
import { agreeGoalAction, setGoalStatusAction, markGoalActionDoneAction, addActionToGoalAction, recordBarrierAction, addGoalNoteAction } from "../actions";
import { SavedBanner } from "@/components/saved-banner";

export const metadata: Metadata = { title: "PDP goal" };

const SAVED: Record<string, string> = {
  created: "Goal added to the PDP.",
  proposed: "Goal proposed. Your manager will agree it with you.",
  updated: "Goal changes saved.",
  agreed: "Goal agreed.",
  status: "Goal status changed.",
  action: "Action added.",
  action_done: "Action marked done.",
  action_undone: "Action marked not done.",
  note: "Progress note added.",
  reflection: "Reflection added.",
  barrier: "Barrier recorded.",
};

const STATUS_TONE: Record<GoalStatus, "grey" | "blue" | "green" | "amber" | "red"> = {
  not_started: "grey",
  in_progress: "blue",
  achieved: "green",
  deferred: "amber",
  dropped: "red",
};

function GoalStatusTag({ status }: { status: GoalStatus }) {
  return <Tag tone={STATUS_TONE[status]}>{goalStatusWords.label(status)}</Tag>;
}

export default async function GoalPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; goalId: string }>;
  searchParams: Promise<{ saved?: string; note?: string }>;
}) {
  const user = await requireUser();
  const { id, goalId } = await params;
  const query = await searchParams;
  const goal = await goalDetail(user, id, goalId);
  const worker = await goalPageWorker(user, id);
  if (!goal || !worker) notFound();
  const saved = SAVED[query.saved ?? ""];
  const actor = goal.actor;
  const agreed = goal.agreedAt !== null;
  const statusOptions = actor ? nextStatusesFor(actor, goal.status, agreed) : [];
  const noteKinds =
    actor === "worker"
      ? (["progress", "reflection"] as const).map((k) => [k, noteKindWords.label(k)] as const)
      : ([["progress", noteKindWords.label("progress")]] as const);
  const defaultKind = actor === "worker" && query.note !== "progress" ? "reflection" : "progress";
  const pdpPath = `/workers/${id}/pdp`;
  const owners = worker.isOwn ? ownActionOwnerWords : actionOwnerWords;
  const domainTitle = new Map(goal.domains.map((d) => [d.id, `${d.number}. ${d.title}`]));

  return (
    <>
      <WorkerRecordHeader worker={worker} current="pdp" title={goal.title} />
      <p className="mb-4">
        <Link href={pdpPath}>Back to the PDP</Link>
      </p>
      <SavedBanner message={saved} />

      <p className="mb-4 flex flex-wrap items-center gap-3">
        <GoalStatusTag status={goal.status} />
        {agreed ? null : <Tag tone="amber">{worker.isOwn ? "Proposed, waiting for your manager to agree" : "Proposed, waiting for the manager to agree"}</Tag>}
        <span className="text-nhs-secondary">
          PDP {formatDate(goal.pdp.periodStart)} to {formatDate(goal.pdp.periodEnd)}: {pdpStatusWords.label(goal.pdp.status)}
        </span>
      </p>
      {goal.pdp.status === "closed" ? (
        <p className="card mb-6">This PDP is closed. Its goals are kept as they were; start a new PDP to add goals.</p>
      ) : null}

      {actor === "manager" && !agreed ? (
        <section aria-labelledby="agree" className="card mb-6">
          <h3 id="agree" className="mb-2">
            {goal.proposedBy === "worker" ? "The worker proposed this goal" : "This goal is not agreed yet"}
          </h3>
          <p className="mb-3">Agree it when you have talked it through. You can edit it first.</p>
          <AgreeGoalForm action={agreeGoalAction.bind(null, id, goalId)} />
        </section>
      ) : null}

      <SummaryList
        rows={[
          ["Why it matters", goal.why],
          ["How success will be seen", goal.successMeasure],
          ["Target date", formatDate(goal.targetDate)],
          ["Status", goal.statusReason ? `${goalStatusWords.label(goal.status)}: ${goal.statusReason}` : goalStatusWords.label(goal.status)],
          ["Proposed by", owners.label(goal.proposedBy)],
          ["Agreed", goal.agreedAt ? formatDateTime(goal.agreedAt) : "Not yet"],
          [
            "Framework domains",
            goal.domains.length ? (
              <ul className="list-none">
                {goal.domains.map((d) => (
                  <li key={d.id}>
                    {d.number}. {d.title}
                  </li>
                ))}
              </ul>
            ) : null,
          ],
          [
            "Competency statements",
            goal.statements.length ? (
              <ul className="list-none space-y-1">
                {goal.statements.map((s) => (
                  <li key={s.id}>
                    <span className="font-semibold">{s.number}</span> {s.text}{" "}
                    <span className="text-nhs-secondary">
                      ({frameworkStageWords.label(s.stage)}; {domainTitle.get(s.domainId) ?? "another domain"})
                    </span>
                  </li>
                ))}
              </ul>
            ) : null,
          ],
          ["Support needed", goal.support.map((k) => supportWords.label(k)).join(", ")],
        ]}
      />
      {actor === "manager" ? (
        <p className="mt-3 mb-6">
          <Link href={`/workers/${id}/pdp/goals/${goalId}/edit`}>Edit this goal</Link>
        </p>
      ) : (
        <div className="mb-6" />
      )}

      {statusOptions.length > 0 ? (
        <section aria-labelledby="change-status" className="mb-8 max-w-xl">
          <h3 id="change-status" className="mb-2">
            Change status
          </h3>
          {actor === "worker" ? (
            <StartGoalForm action={setGoalStatusAction.bind(null, id, goalId)} />
          ) : (
            <GoalStatusForm action={setGoalStatusAction.bind(null, id, goalId)} options={statusOptions.map((s) => [s, goalStatusWords.label(s)] as const)} />
          )}
        </section>
      ) : null}

      <section aria-labelledby="actions" className="mb-8">
        <h3 id="actions" className="mb-2">
          Actions
        </h3>
        {goal.actions.length === 0 ? (
          <p className="mb-4">No actions yet.</p>
        ) : (
          <ul className="mb-4 divide-y divide-nhs-grey-4 border-y border-nhs-grey-4">
            {goal.actions.map((a) => {
              const mayTick = actor === "manager" || (actor === "worker" && a.owner === "worker");
              return (
                <li key={a.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                  <div>
                    <p className={a.doneOn ? "line-through decoration-1" : "font-semibold"}>{a.description}</p>
                    <p className="text-nhs-secondary">
                      {owners.label(a.owner)}
                      {a.dueOn ? ` · due ${formatDate(a.dueOn)}` : ""}
                      {a.doneOn ? ` · done ${formatDate(a.doneOn)}` : ""}
                    </p>
                  </div>
                  {a.doneOn ? <Tag tone="green">Done</Tag> : null}
                  {mayTick ? <ActionDoneButton action={markGoalActionDoneAction.bind(null, id)} actionId={a.id} done={a.doneOn !== null} description={a.description} /> : null}
                </li>
              );
            })}
          </ul>
        )}
        {actor ? (
          <details className="max-w-xl" open={goal.actions.length === 0}>
            <summary className="cursor-pointer font-semibold">Add an action</summary>
            <div className="mt-3">
              <AddActionForm
                key={goal.actions.length}
                action={addActionToGoalAction.bind(null, id, goalId)}
                owners={actor === "worker" ? [["worker", "Me"]] : (["worker", "manager"] as const).map((o) => [o, actionOwnerWords.label(o)] as const)}
                defaultOwner="worker"
              />
            </div>
          </details>
        ) : null}
      </section>

      <section aria-labelledby="notes" className="mb-8">
        <h3 id="notes" className="mb-2">
          Progress notes and reflections
        </h3>
        {goal.notes.length === 0 ? (
          <p className="mb-4">No notes yet.</p>
        ) : (
          <ol className="mb-4 list-none space-y-3">
            {goal.notes.map((n) => (
              <li key={n.id} className="border-l-4 border-nhs-grey-4 bg-white p-3">
                <p className="text-nhs-secondary">
                  <span className="font-semibold text-nhs-text">{noteKindWords.label(n.kind)}</span> · {n.authorName ?? "Someone who has left"} ·{" "}
                  {formatDateTime(n.createdAt)}
                </p>
                <p className="mt-1 whitespace-pre-line">{n.body}</p>
              </li>
            ))}
          </ol>
        )}
        {actor ? (
          <div id="add-note" className="max-w-xl scroll-mt-4">
            <h4 className="mb-2">{actor === "worker" ? "Add a note or reflection" : "Add a progress note"}</h4>
            <NoteForm key={goal.notes.length} action={addGoalNoteAction.bind(null, id, goalId)} kinds={noteKinds.map(([k, w]) => [k, w] as const)} defaultKind={defaultKind} />
          </div>
        ) : null}
      </section>

      <section aria-labelledby="barriers" className="mb-8">
        <h3 id="barriers" className="mb-2">
          Barriers
        </h3>
        {goal.barriers.length === 0 ? (
          <p className="mb-4">No barriers recorded.</p>
        ) : (
          <ul className="mb-4 list-none space-y-3">
            {goal.barriers.map((b) => (
              <li key={b.id} className="border-l-4 border-nhs-warm-yellow bg-white p-3">
                <p className="font-semibold">{barrierWords.label(b.category)}</p>
                {b.detail ? <p className="whitespace-pre-line">{b.detail}</p> : null}
                <p className="text-nhs-secondary">
                  Recorded {formatDate(b.recordedOn)}
                  {b.recordedByName ? ` by ${b.recordedByName}` : ""}
                </p>
              </li>
            ))}
          </ul>
        )}
        {actor ? (
          <details className="max-w-xl">
            <summary className="cursor-pointer font-semibold">Record a barrier</summary>
            <div className="mt-3">
              <BarrierForm key={goal.barriers.length} action={recordBarrierAction.bind(null, id, goalId)} categories={barrierWords.values.map((c) => [c, barrierWords.label(c)] as const)} />
            </div>
          </details>
        ) : null}
      </section>
    </>
  );
}
