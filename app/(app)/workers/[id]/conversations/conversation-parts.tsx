// Pieces both conversation pages show: a step's due date and state, the barriers, the date to talk again.
import { Tag } from "@/components/tags";
import { formatDate } from "@/lib/rules/dates";
import { nextConversationPassed, stepStatus } from "@/lib/rules/career";
import { aspirationWords, barrierWords, type Aspiration, type BarrierCategory } from "@/lib/vocabulary";

export function StepWhen({ step, today }: { step: { dueOn: string | null; doneOn: string | null }; today: string }) {
  const status = stepStatus(step, today);
  return (
    <span className="text-nhs-secondary">
      {step.dueOn ? `Due ${formatDate(step.dueOn)}` : "No due date"}{" "}
      {status === "done" ? <Tag tone="green">Done {formatDate(step.doneOn)}</Tag> : null}
      {status === "overdue" ? <Tag tone="red">Overdue</Tag> : null}
    </span>
  );
}

export function BarrierList({ barriers }: { barriers: ReadonlyArray<{ id: string; category: BarrierCategory; detail: string }> }) {
  if (barriers.length === 0) return <span>None recorded</span>;
  return (
    <ul className="list-disc pl-5">
      {barriers.map((b) => (
        <li key={b.id}>
          {barrierWords.label(b.category)}
          {b.detail ? `: ${b.detail}` : ""}
        </li>
      ))}
    </ul>
  );
}

/** The date to talk again, flagged when it has gone by (only for the latest conversation: a later one replaces it). */
export function NextConversation({ on, today, flag }: { on: string | null; today: string; flag: boolean }) {
  if (!on) return <span>Not set</span>;
  return (
    <span>
      {formatDate(on)} {flag && nextConversationPassed(on, today) ? <Tag tone="red">Passed: time to talk again</Tag> : null}
    </span>
  );
}

export function AspirationText({ c }: { c: { aspiration: Aspiration; aspirationDetail: string; targetProfession: string | null } }) {
  return (
    <span>
      <strong>{aspirationWords.label(c.aspiration)}</strong>
      {c.targetProfession ? ` (${c.targetProfession})` : ""}
      {c.aspirationDetail ? <span className="block">{c.aspirationDetail}</span> : null}
    </span>
  );
}
