import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth";
import { conversationDetail } from "@/db/queries/conversations";
import { WorkerRecordHeader } from "@/components/worker-record-nav";
import { SummaryList } from "@/components/summary-list";
import { formatDate, todayInLondon } from "@/lib/rules/dates";
import { lockMessage } from "@/lib/rules/career";
import { appraisalStatusWords, interestWords, ownAppraisalStatusWords } from "@/lib/vocabulary";
import { AspirationText, BarrierList, NextConversation, StepWhen } from "../conversation-parts";
import { AddStepForm, StepButton } from "../step-forms";
import { addStepAction, setStepDoneAction, stepToPdpGoalAction } from "../actions";
import { SavedBanner } from "@/components/saved-banner";

export const metadata: Metadata = { title: "Career conversation" };

const SAVED: Record<string, string> = {
  recorded: "Career conversation recorded.",
  updated: "Changes saved.",
};

export default async function ConversationPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; conversationId: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const user = await requireUser();
  const { id, conversationId } = await params;
  const saved = SAVED[(await searchParams).saved ?? ""];
  const found = await conversationDetail(user, id, conversationId);
  if (!found) notFound();
  const { conversation: c, worker, steps } = found;
  const today = todayInLondon();

  return (
    <>
      <WorkerRecordHeader worker={worker} current="conversations" title={`Career conversation, ${formatDate(c.heldOn)}`} />
      <p className="mb-4">
        <Link href={`/workers/${id}/conversations`}>All career conversations</Link>
      </p>
      <SavedBanner message={saved} />
      {c.locked && found.canManage ? (
        <p className="mb-4 border-l-8 border-nhs-blue bg-white p-3">{lockMessage(c.appraisal)}.</p>
      ) : null}
      {found.canEdit ? (
        <p className="mb-6">
          <Link href={`/workers/${id}/conversations/${conversationId}/edit`}>Edit the conversation</Link>
        </p>
      ) : null}

      <div className="max-w-4xl">
        <SummaryList
          rows={[
            ["Held on", formatDate(c.heldOn)],
            ["Held by", c.heldByName],
            [
              "Appraisal",
              c.appraisal
                ? `Part of the appraisal on ${formatDate(c.appraisal.on)} (${(worker.isOwn ? ownAppraisalStatusWords : appraisalStatusWords).label(c.appraisal.status).toLowerCase()})`
                : "Held on its own",
            ],
            ["Aspiration", <AspirationText key="a" c={c} />],
            ["Interested in an apprenticeship", interestWords.label(c.apprenticeshipInterest)],
            ["Options discussed", c.optionsDiscussed ? <span className="whitespace-pre-line">{c.optionsDiscussed}</span> : ""],
            ["Next conversation", <NextConversation key="n" on={c.nextConversationOn} today={today} flag={false} />],
          ]}
        />

        <h2 className="mt-8 mb-3">What gets in the way</h2>
        <BarrierList barriers={found.barriers} />

        <h2 className="mt-8 mb-3">Next steps</h2>
        {steps.length === 0 ? <p>No steps agreed yet.</p> : null}
        <ul className="divide-y divide-nhs-grey-4 border-y border-nhs-grey-4">
          {steps.map((s) => (
            <li key={s.id} className="py-3">
              <p className="font-semibold">{s.description}</p>
              <p className="mb-2">
                <StepWhen step={s} today={today} />
              </p>
              <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
                {found.canTickSteps ? (
                  <StepButton
                    action={setStepDoneAction.bind(null, id, s.id)}
                    fields={{ done: s.doneOn ? "0" : "1" }}
                    label={s.doneOn ? "Mark as not done" : "Mark done"}
                    context={s.description}
                    secondary={!!s.doneOn}
                  />
                ) : null}
                {s.goalId ? (
                  <span>
                    PDP goal: <Link href={`/workers/${id}/pdp/goals/${s.goalId}`}>{s.description}</Link>
                  </span>
                ) : found.canManage ? (
                  <StepButton
                    action={stepToPdpGoalAction.bind(null, id, s.id)}
                    label="Make this a PDP goal"
                    context={s.description}
                    secondary
                  />
                ) : null}
              </div>
            </li>
          ))}
        </ul>

        {found.canEdit ? (
          <section aria-labelledby="add-step" className="mt-6">
            <h3 id="add-step" className="mb-3">
              Add a step
            </h3>
            <AddStepForm action={addStepAction.bind(null, id, conversationId)} />
          </section>
        ) : null}
      </div>
    </>
  );
}
