import { draftName } from "@/lib/forms/drafts";
import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth";
import { goalDetail, goalFormOptions, goalPageWorker } from "@/db/queries/pdp-goals";
import { WorkerRecordHeader } from "@/components/worker-record-nav";
import { formatDate } from "@/lib/rules/dates";
import { frameworkStageWords, supportWords } from "@/lib/vocabulary";
import { GoalForm } from "../../goal-form";
import { updateGoalAction } from "../../actions";

export const metadata: Metadata = { title: "Edit a goal" };

export default async function EditGoalPage({ params }: { params: Promise<{ id: string; goalId: string }> }) {
  const user = await requireRole("manager", "admin");
  const { id, goalId } = await params;
  const goal = await goalDetail(user, id, goalId);
  const options = await goalFormOptions(user, id);
  const worker = await goalPageWorker(user, id);
  if (!goal || !options || !worker || goal.actor !== "manager") notFound();

  // A statement the goal already has stays selectable even if it is not at the worker's stage now.
  const domains = options.domains.map((d) => {
    const extra = goal.statements.filter((s) => s.domainId === d.id && !d.statements.some((x) => x.id === s.id));
    return { ...d, statements: [...d.statements, ...extra.map((s) => ({ id: s.id, number: s.number, text: `${s.text} (${frameworkStageWords.label(s.stage)})` }))] };
  });

  return (
    <div className="max-w-3xl">
      <WorkerRecordHeader worker={worker} current="pdp" title="Edit a goal" />
      <p className="mb-4">
        <Link href={`/workers/${id}/pdp/goals/${goalId}`}>Back to the goal</Link>
      </p>
      <p className="mb-6">Changing what the goal is, its target, domains, statements or support changes the plan: an agreed PDP will need agreeing again.</p>
      <GoalForm
        action={updateGoalAction.bind(null, id, goalId)}
        draft={draftName("goal", goalId)}
        domains={domains}
        supportOptions={supportWords.values.map((k) => [k, supportWords.label(k)] as const)}
        stageLabel={options.frameworkStage ? frameworkStageWords.label(options.frameworkStage) : null}
        defaults={{
          values: { title: goal.title, why: goal.why, successMeasure: goal.successMeasure, targetDate: goal.targetDate ?? "" },
          domainIds: goal.domains.map((d) => d.id),
          statementIds: goal.statements.map((s) => s.id),
          support: goal.support,
        }}
        submitLabel="Save changes"
        targetHint={`On or after ${formatDate(goal.pdp.periodStart)}, when this PDP starts`}
      />
    </div>
  );
}
