import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth";
import { conversationsPage } from "@/db/queries/conversations";
import { WorkerRecordHeader } from "@/components/worker-record-nav";
import { SummaryList } from "@/components/summary-list";
import { ScrollRegion } from "@/components/scroll-region";
import { formatDate, todayInLondon } from "@/lib/rules/dates";
import { stepsProgress } from "@/lib/rules/career";
import { appraisalStatusWords, aspirationWords, interestWords, ownAppraisalStatusWords } from "@/lib/vocabulary";
import { AspirationText, BarrierList, NextConversation, StepWhen } from "./conversation-parts";

export const metadata: Metadata = { title: "Career conversations" };

export default async function ConversationsPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const data = await conversationsPage(user, id);
  if (!data) notFound();
  const today = todayInLondon();
  const [latest, ...earlier] = data.conversations;

  return (
    <>
      <WorkerRecordHeader worker={data.worker} current="conversations" title="Career conversations" />
      {data.canEdit ? (
        <p className="mb-6">
          <Link href={`/workers/${id}/conversations/new`} className="btn no-underline">
            Record a career conversation
          </Link>
        </p>
      ) : null}

      {!latest ? (
        <p className="card">No career conversations recorded yet.</p>
      ) : (
        <section aria-labelledby="latest" className="card mb-8">
          <h2 id="latest" className="mb-1">
            Latest conversation
          </h2>
          <p className="mb-4 text-nhs-secondary">
            {formatDate(latest.heldOn)}
            {latest.heldByName ? ` with ${latest.heldByName}` : ""}
            {latest.appraisal ? `, part of the appraisal on ${formatDate(latest.appraisal.on)}` : ""}
          </p>
          <SummaryList
            rows={[
              ["Aspiration", <AspirationText key="a" c={latest} />],
              ["Interested in an apprenticeship", interestWords.label(latest.apprenticeshipInterest)],
              ["What gets in the way", <BarrierList key="b" barriers={latest.barriers} />],
              [
                "Open steps",
                <OpenSteps key="s" steps={latest.steps} today={today} />,
              ],
              ["Next conversation", <NextConversation key="n" on={latest.nextConversationOn} today={today} flag />],
            ]}
          />
          <p className="mt-4">
            <Link href={`/workers/${id}/conversations/${latest.id}`}>
              View the conversation and its steps<span className="sr-only"> of {formatDate(latest.heldOn)}</span>
            </Link>
          </p>
        </section>
      )}

      {earlier.length > 0 ? (
        <section aria-labelledby="earlier">
          <h2 id="earlier" className="mb-3">
            Earlier conversations
          </h2>
          <ScrollRegion label="Earlier conversations">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Aspiration</th>
                  <th scope="col">Apprenticeship</th>
                  <th scope="col">Steps done</th>
                  <th scope="col">Next conversation</th>
                </tr>
              </thead>
              <tbody>
                {earlier.map((c) => {
                  const p = stepsProgress(c.steps);
                  return (
                    <tr key={c.id}>
                      <td>
                        <Link href={`/workers/${id}/conversations/${c.id}`}>{formatDate(c.heldOn)}</Link>
                        {c.appraisal ? (
                          <span className="block text-nhs-secondary">
                            In appraisal ({(data.worker.isOwn ? ownAppraisalStatusWords : appraisalStatusWords).label(c.appraisal.status).toLowerCase()})
                          </span>
                        ) : null}
                      </td>
                      <td>{aspirationWords.label(c.aspiration)}</td>
                      <td>{interestWords.label(c.apprenticeshipInterest)}</td>
                      <td>{p.total === 0 ? "No steps" : `${p.done} of ${p.total}`}</td>
                      <td>{c.nextConversationOn ? formatDate(c.nextConversationOn) : "Not set"}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollRegion>
        </section>
      ) : null}
    </>
  );
}

function OpenSteps({ steps, today }: { steps: ReadonlyArray<{ id: string; description: string; dueOn: string | null; doneOn: string | null }>; today: string }) {
  const open = steps.filter((s) => !s.doneOn);
  const { done, total } = stepsProgress(steps);
  return (
    <>
      {open.length === 0 ? (
        <span>{total === 0 ? "No steps agreed" : "All steps done"}</span>
      ) : (
        <ul className="space-y-1">
          {open.map((s) => (
            <li key={s.id}>
              {s.description} <StepWhen step={s} today={today} />
            </li>
          ))}
        </ul>
      )}
      {total > 0 ? <span className="mt-1 block text-nhs-secondary">{`${done} of ${total} done`}</span> : null}
    </>
  );
}
