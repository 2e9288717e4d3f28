import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth";
import { mandatoryTrainingPage } from "@/db/queries/mandatory-training";
import { WorkerRecordHeader } from "@/components/worker-record-nav";
import { ScrollRegion } from "@/components/scroll-region";
import { ComplianceTag } from "@/components/compliance";
import { formatDate, formatDateTime, todayInLondon } from "@/lib/rules/dates";
import { EXPIRING_DAYS, compliancePercent, renewalWords } from "@/lib/rules/mandatory-training";
import { recordCompletionAction, removeCompletionAction } from "./actions";
import { CompletionForm, RemoveCompletionForm } from "./training-forms";

export const metadata: Metadata = { title: "Mandatory training" };

export default async function MandatoryTrainingPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const today = todayInLondon();
  const data = await mandatoryTrainingPage(user, id, today);
  if (!data) notFound();
  const { standing, completions } = data;
  const c = standing.counts;
  const percent = compliancePercent(c);
  const current = completions.filter((x) => x.removedAt === null);
  const removed = completions.filter((x) => x.removedAt !== null);

  return (
    <>
      <WorkerRecordHeader worker={data.worker} current="mandatory" title="Mandatory training" />
      <section aria-labelledby="where" className="mb-10">
        <h2 id="where" className="mb-1">
          Statutory and mandatory training
        </h2>
        <p className="mb-4 text-nhs-secondary">
          {c.required === 0
            ? "No mandatory training is needed in this role."
            : `${c.in_date + c.expiring} of ${c.required} in date (${percent}%)${c.expiring ? `, ${c.expiring} expiring within ${EXPIRING_DAYS} days` : ""}${c.expired ? `, ${c.expired} expired` : ""}${c.never ? `, ${c.never} never done` : ""}.`}
        </p>
        {data.ownRecord ? (
          <p className="card mb-6">
            This is the training the organisation needs you to keep in date for your role. Book it through your learning system or ask your manager;
            once it is done, your manager or the training team records it here.
            {data.lastReminder ? ` Your manager last reminded you on ${formatDate(todayInLondon(data.lastReminder.sentAt))}.` : ""}
          </p>
        ) : data.lastReminder ? (
          <p className="mb-4 text-nhs-secondary">
            Last reminded {formatDateTime(data.lastReminder.sentAt)}
            {data.lastReminder.sentBy ? ` by ${data.lastReminder.sentBy}` : ""}: {data.lastReminder.subjects.join(", ")}.
          </p>
        ) : null}
        {standing.needed.length > 0 ? (
          <ScrollRegion label="Mandatory training, table">
            <table className="table">
              <caption className="sr-only">Each subject needed in this role: where it stands, when it was last completed and when it expires</caption>
              <thead>
                <tr>
                  <th scope="col">Subject</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="max-sm:hidden">
                    Last completed
                  </th>
                  <th scope="col">Expires</th>
                </tr>
              </thead>
              <tbody>
                {standing.needed.map((n) => (
                  <tr key={n.subjectId}>
                    <td>
                      <span className="font-semibold">{n.name}</span>
                      <span className="block text-sm text-nhs-secondary">{renewalWords(n.renewalMonths)}</span>
                      {/* On a phone the date done goes under the subject, so the four columns fit. */}
                      <span className="block text-sm sm:hidden">{n.completedOn ? `Done ${formatDate(n.completedOn)}` : "Never done"}</span>
                    </td>
                    <td>
                      <ComplianceTag status={n.status} />
                    </td>
                    <td className="max-sm:hidden">{n.completedOn ? formatDate(n.completedOn) : <span className="text-nhs-secondary">Never</span>}</td>
                    <td>{n.expiresOn ? formatDate(n.expiresOn) : n.completedOn ? "Does not expire" : ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        ) : null}
      </section>

      {data.canRecord ? (
        <section aria-labelledby="record" className="card mb-10 max-w-3xl">
          <h2 id="record" className="mb-4">
            Record a completion
          </h2>
          <CompletionForm action={recordCompletionAction.bind(null, id)} subjects={data.subjects} />
        </section>
      ) : null}

      <section aria-labelledby="history">
        <h2 id="history" className="mb-3">
          Completions recorded
        </h2>
        {current.length === 0 ? (
          <p className="card">No completions recorded yet.</p>
        ) : (
          <ul className="space-y-3" aria-label="Completions, newest first">
            {current.map((x) => (
              <li key={x.id} className="card">
                <p className="font-semibold">{x.subjectName}</p>
                <p className="text-sm text-nhs-secondary">
                  Completed {formatDate(x.completedOn)}
                  {x.expiresOn ? `, expires ${formatDate(x.expiresOn)}` : ""} · {x.source === "imported" ? "imported" : `recorded${x.recordedByName ? ` by ${x.recordedByName}` : ""}`}
                  {x.note ? ` · ${x.note}` : ""}
                </p>
                {data.canRecord ? (
                  <RemoveCompletionForm action={removeCompletionAction.bind(null, id, x.id)} completionId={x.id} what={`${x.subjectName}, ${formatDate(x.completedOn)}`} />
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {removed.length > 0 ? (
          <details className="mt-4">
            <summary className="cursor-pointer font-semibold text-nhs-blue">{`Removed as recorded in error (${removed.length})`}</summary>
            <ul className="mt-3 space-y-2">
              {removed.map((x) => (
                <li key={x.id}>
                  <s>
                    {x.subjectName}, {formatDate(x.completedOn)}
                  </s>
                  <span className="block text-sm text-nhs-secondary">Removed: {x.removedReason}</span>
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>
    </>
  );
}
