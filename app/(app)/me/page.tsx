import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth";
import { ownWorkerRecord } from "@/db/queries/workers";
import { developmentSummaries, activeGoals, appraisalHistory } from "@/db/queries/development";
import { todayInLondon, formatDate, daysBetween } from "@/lib/rules/dates";
import { goalStatusWords, appraisalStatusWords } from "@/lib/vocabulary";
import { AppraisalStatusTag, Tag } from "@/components/tags";

export const metadata: Metadata = { title: "My development" };

export default async function MyDevelopmentPage() {
  const user = await requireRole("support_worker");
  const me = ownWorkerRecord(user);
  if (!me) {
    return (
      <>
        <h1 className="mb-4">My development</h1>
        <p className="card">
          Your login is not linked to a support worker record yet. Ask your manager or your Pathways administrator to link it.
        </p>
      </>
    );
  }
  const today = todayInLondon();
  const summary = developmentSummaries(user, today, { workerIds: [me.id] })[0];
  const goals = activeGoals(user, me.id);
  const history = appraisalHistory(user, me.id);

  return (
    <>
      <p className="text-nhs-secondary">
        {me.jobTitle} · {me.teamName}
      </p>
      <h1 className="mb-6">My development</h1>

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
            {summary.nextAppraisalOn ? <p className="text-nhs-secondary">Booked for {formatDate(summary.nextAppraisalOn)}</p> : null}
          </section>
          <section className="card" aria-labelledby="cpd">
            <h2 id="cpd" className="mb-2 text-lg">
              CPD in the last 12 months
            </h2>
            <p className="text-3xl font-bold tabular-nums">{Number(summary.cpdHours12m.toFixed(1))} hours</p>
          </section>
          <section className="card" aria-labelledby="competencies">
            <h2 id="competencies" className="mb-2 text-lg">
              Competencies at my stage
            </h2>
            <p className="text-3xl font-bold tabular-nums">
              {summary.competenciesSignedOff} <span className="text-base font-normal">of {summary.competenciesAtStage} signed off</span>
            </p>
            <p className="text-nhs-secondary">{me.stage}</p>
          </section>
          <section className="card" aria-labelledby="apprenticeship">
            <h2 id="apprenticeship" className="mb-2 text-lg">
              {summary.apprenticeship ? "My apprenticeship" : "Career conversation"}
            </h2>
            {summary.apprenticeship ? (
              <p>{summary.apprenticeship}</p>
            ) : summary.nextConversationOn ? (
              <p>Next one planned for {formatDate(summary.nextConversationOn)}</p>
            ) : (
              <p>None planned yet. Ask your manager about your next step.</p>
            )}
          </section>
        </div>
      ) : null}

      <section aria-labelledby="pdp-goals" className="mb-8">
        <h2 id="pdp-goals" className="mb-3">
          My PDP goals
        </h2>
        {goals.length === 0 ? (
          <p className="card">You have no active personal development plan. Agree one with your manager at your next appraisal.</p>
        ) : (
          <ul className="space-y-3">
            {goals.map((g) => {
              const overdue = g.nextActionDue && daysBetween(today, g.nextActionDue) < 0;
              return (
                <li key={g.id} className="card">
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <h3 className="text-lg">{g.title}</h3>
                    <Tag tone={g.status === "achieved" ? "green" : g.status === "in_progress" ? "blue" : "grey"}>
                      {goalStatusWords.label(g.status)}
                    </Tag>
                  </div>
                  <p className="mt-1 text-nhs-secondary">
                    {g.targetDate ? `Target: ${formatDate(g.targetDate)}` : "No target date"}
                    {g.openActions > 0 ? ` · ${g.openActions} open action${g.openActions === 1 ? "" : "s"}` : ""}
                  </p>
                  {g.nextActionDue ? (
                    <p className={overdue ? "font-semibold text-nhs-red" : ""}>
                      Next action due {formatDate(g.nextActionDue)}
                      {overdue ? " (overdue)" : ""}
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="appraisals">
        <h2 id="appraisals" className="mb-3">
          My appraisals
        </h2>
        {history.length === 0 ? (
          <p className="card">No appraisals recorded yet.</p>
        ) : (
          <table className="table">
            <caption className="sr-only">My appraisals</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {history.map((a) => (
                <tr key={a.id}>
                  <td>{formatDate(a.heldOn ?? a.scheduledFor)}</td>
                  <td>{appraisalStatusWords.label(a.status)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className="mt-4">
          <Link href={`/workers/${me.id}`}>My record and position history</Link>
        </p>
      </section>
    </>
  );
}
