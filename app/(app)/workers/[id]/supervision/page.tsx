import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth";
import { supervisionPage } from "@/db/queries/supervision";
import { WorkerRecordHeader } from "@/components/worker-record-nav";
import { SummaryList } from "@/components/summary-list";
import { Multiline } from "@/components/multiline";
import { Tag } from "@/components/tags";
import { formatDate, todayInLondon } from "@/lib/rules/dates";
import { supervisionLevelMeaning, supervisionLevelWords, supervisionTypeWords } from "@/lib/rules/supervision";
import { delegateTaskAction, endTaskAction, recordSessionAction, reviewTaskAction } from "./actions";
import { DelegationForm, EndTaskForm, ReviewTaskForm, SessionForm } from "./supervision-forms";

export const metadata: Metadata = { title: "Supervision and delegation" };

type Data = NonNullable<Awaited<ReturnType<typeof supervisionPage>>>;
type Task = Data["current"][number];

/** Sessions shown before the rest are folded away, so that the delegation register is not pushed far down. */
const RECENT_SESSIONS = 4;

export default async function SupervisionPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const today = todayInLondon();
  const data = await supervisionPage(user, id, today);
  if (!data) notFound();
  const overdue = data.current.filter((t) => t.pastReview).length;

  return (
    <>
      <WorkerRecordHeader worker={data.worker} current="supervision" title="Supervision and delegation" />
      <p className="mb-6">
        <a href="#delegation">
          Go to delegated tasks{overdue ? ` (${overdue} past review)` : ""}
        </a>
      </p>
      {data.ownRecord ? (
        <div className="card mb-8">
          <p>
            Registered professionals delegate tasks to you once you have shown you are competent to do them. The delegated tasks on this page are your agreed scope of
            practice: work to the full extent of it, at the level of supervision shown for each task, and not beyond it.
          </p>
          <p className="mt-2">
            If something you are asked to do is not on the list, or a review date has gone by, talk to your manager. Only your manager records
            supervision and delegation here.
          </p>
        </div>
      ) : null}

      <section aria-labelledby="sessions" className="mb-10">
        <h2 id="sessions" className="mb-3">
          Supervision sessions
        </h2>
        {data.canEdit ? (
          <div className="card mb-6">
            <h3 className="mb-4">Record a session</h3>
            <SessionForm action={recordSessionAction.bind(null, id)} supervisors={data.supervisors} today={today} />
          </div>
        ) : null}
        {data.sessions.length === 0 ? (
          <p className="card">No supervision sessions recorded yet.</p>
        ) : (
          <>
            <SessionList sessions={data.sessions.slice(0, RECENT_SESSIONS)} label="Recent sessions, newest first" />
            {data.sessions.length > RECENT_SESSIONS ? (
              <details className="mt-4">
                <summary className="cursor-pointer font-semibold text-nhs-blue">
                  {`Earlier sessions (${data.sessions.length - RECENT_SESSIONS})`}
                </summary>
                <div className="mt-4">
                  <SessionList sessions={data.sessions.slice(RECENT_SESSIONS)} label="Earlier sessions, newest first" />
                </div>
              </details>
            ) : null}
          </>
        )}
      </section>

      <section aria-labelledby="delegation">
        <h2 id="delegation" className="mb-1">
          Delegated tasks (scope of practice)
        </h2>
        <p className="mb-4 text-nhs-secondary">
          {data.current.length === 0
            ? "No current delegated tasks."
            : `${data.current.length} current ${data.current.length === 1 ? "task" : "tasks"}${overdue ? `, ${overdue} past review` : ""}.`}
        </p>
        {data.canEdit ? (
          <div className="card mb-6">
            <h3 className="mb-4">Delegate a task</h3>
            <DelegationForm action={delegateTaskAction.bind(null, id)} />
          </div>
        ) : null}
        {data.current.length > 0 ? (
          <ul className="mb-8 space-y-4" aria-label="Current delegated tasks">
            {data.current.map((t) => (
              <li key={t.id} className={`card ${t.pastReview ? "border-l-8 border-l-nhs-red" : ""}`}>
                <TaskCard task={t} level={3} />
                {data.canEdit ? (
                  <div className="mt-4 border-t border-nhs-grey-4 pt-4">
                    <ReviewTaskForm action={reviewTaskAction.bind(null, id, t.id)} taskId={t.id} task={t.task} />
                    <EndTaskForm action={endTaskAction.bind(null, id, t.id)} taskId={t.id} task={t.task} />
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
        {data.ended.length > 0 ? (
          <>
            <h3 className="mb-3">Ended delegations</h3>
            <ul className="space-y-4" aria-label="Ended delegations">
              {data.ended.map((t) => (
                <li key={t.id} className="card">
                  <TaskCard task={t} level={4} />
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </>
  );
}

function TaskCard({ task: t, level }: { task: Task; level: 3 | 4 }) {
  const Heading = level === 3 ? "h3" : "h4";
  const by = [t.delegatedByName, t.delegatedByProfession].filter(Boolean).join(", ");
  return (
    <>
      <Heading className="mb-2 text-lg">{t.task}</Heading>
      <p className="mb-3">
        {t.endedOn ? (
          <Tag tone="grey">Ended {formatDate(t.endedOn)}</Tag>
        ) : t.pastReview ? (
          <Tag tone="red">Review overdue since {formatDate(t.reviewOn)}</Tag>
        ) : (
          <Tag tone="green">Next review {formatDate(t.reviewOn)}</Tag>
        )}
      </p>
      <SummaryList
        rows={[
          ["Delegated by", t.delegatedByRegistration ? `${by} (registration ${t.delegatedByRegistration})` : by],
          [
            "Level of supervision",
            <span key="l">
              {supervisionLevelWords.label(t.supervisionLevel)}
              <span className="block text-nhs-secondary">{supervisionLevelMeaning.label(t.supervisionLevel)}</span>
            </span>,
          ],
          ["Competent since", formatDate(t.competentSince)],
          ...(t.endedOn ? [] : ([["Review date", formatDate(t.reviewOn)]] as Array<[string, string]>)),
        ]}
      />
    </>
  );
}

function SessionList({ sessions, label }: { sessions: Data["sessions"]; label: string }) {
  return (
    <ul className="space-y-4" aria-label={label}>
      {sessions.map((s) => (
        <li key={s.id} className="card">
          <h3 className="mb-2 text-lg">
            {formatDate(s.heldOn)}: {supervisionTypeWords.label(s.type).toLowerCase()} supervision
          </h3>
          <SummaryList
            rows={[
              ["Supervisor", s.supervisorName],
              ["Summary", <Multiline key="s" text={s.summary} />],
              ["Agreed actions", s.actions ? <Multiline key="a" text={s.actions} /> : "None recorded"],
            ]}
          />
        </li>
      ))}
    </ul>
  );
}
