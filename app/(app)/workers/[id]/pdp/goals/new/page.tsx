import { draftName } from "@/lib/forms/drafts";
import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth";
import { goalFormOptions, goalPageWorker } from "@/db/queries/pdp-goals";
import { WorkerRecordHeader } from "@/components/worker-record-nav";
import { formatDate, todayInLondon } from "@/lib/rules/dates";
import { CLOSED_PDP_MESSAGE } from "@/lib/rules/pdp-goals";
import { frameworkStageWords, supportWords } from "@/lib/vocabulary";
import { GoalForm } from "../goal-form";
import { createGoalAction } from "../actions";

/** The page's heading and title: a support worker proposes a goal on their own record; a manager adds one. */
const headingFor = (proposing: boolean) => (proposing ? "Propose a goal" : "Add a goal");

export async function generateMetadata(): Promise<Metadata> {
  // Only a support worker's own record lets them add goals (goalActor), so the role says which page this is.
  const user = await requireUser();
  return { title: headingFor(user.role === "support_worker") };
}

export default async function NewGoalPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const options = await goalFormOptions(user, id);
  const worker = await goalPageWorker(user, id);
  if (!options || !worker || !options.actor) notFound();
  const proposing = options.actor === "worker";
  const periodStart = options.currentPdp?.periodStart ?? todayInLondon();

  return (
    <div className="max-w-3xl">
      <WorkerRecordHeader worker={worker} current="pdp" title={headingFor(proposing)} />
      <p className="mb-4">
        <Link href={`/workers/${id}/pdp`}>Back to the PDP</Link>
      </p>
      {options.onlyClosed ? (
        <p className="card">{CLOSED_PDP_MESSAGE}.</p>
      ) : (
        <>
          <p className="mb-6">
            {proposing
              ? "Write the goal the SMART way: what, why, how you will know, and by when. Your manager agrees it with you."
              : "Write the goal the SMART way: what, why, how success will be seen, and by when. It is agreed as you add it."}
            {options.currentPdp ? null : " This starts a new draft PDP for the coming year."}
          </p>
          <GoalForm
            action={createGoalAction.bind(null, id)}
            domains={options.domains}
            supportOptions={supportWords.values.map((k) => [k, supportWords.label(k)] as const)}
            stageLabel={options.frameworkStage ? frameworkStageWords.label(options.frameworkStage) : null}
            defaults={{ values: {}, domainIds: [], statementIds: [], support: [] }}
            submitLabel={proposing ? "Propose goal" : "Add goal"}
            draft={draftName("goal-new", id)}
            targetHint={`On or after ${formatDate(periodStart)}, when this PDP starts`}
          />
        </>
      )}
    </div>
  );
}
