// One list of what is waiting for someone (lib/rules/reminders.ts), drawn the same way on the inbox, a support
// worker's home and a manager's home: what (a link to where it is dealt with), whose, how urgent and when.
import Link from "@/components/link";
import { Tag } from "@/components/tags";
import { reminderWhen, urgencyWords, type Reminder, type Urgency } from "@/lib/rules/reminders";

const TONE = { overdue: "red", waiting: "blue", due_soon: "amber" } as const satisfies Record<Urgency, string>;
const BORDER: Record<Urgency, string> = { overdue: "border-l-nhs-red", waiting: "border-l-nhs-blue", due_soon: "border-l-nhs-warm-yellow" };

export function UrgencyTag({ urgency }: { urgency: Urgency }) {
  return <Tag tone={TONE[urgency]}>{urgencyWords[urgency]}</Tag>;
}

/** As cards (the inbox, the homes' own lists): `showWho` names the worker on each. */
export function WaitingList({ reminders, showWho, label }: { reminders: readonly Reminder[]; showWho: boolean; label?: string }) {
  return (
    <ul className="space-y-3" aria-label={label}>
      {reminders.map((r) => (
        <li key={r.key} className={`card p-3 sm:p-4 border-l-8 ${BORDER[r.urgency]}`}>
          <p className="mb-1 font-semibold">
            <Link href={r.href}>{r.title}</Link>
            {showWho ? <span className="block font-normal">{r.workerName}</span> : null}
          </p>
          <p className="flex flex-wrap items-center gap-2">
            <UrgencyTag urgency={r.urgency} />
            {reminderWhen(r) ? <span>{reminderWhen(r)}</span> : null}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** Compact, for a table cell (the team page's "What needs doing"): one line each, the worker named by the row. */
export function WaitingCell({ reminders, workerName }: { reminders: readonly Reminder[]; workerName: string }) {
  if (reminders.length === 0) return <span className="text-nhs-secondary">Nothing now</span>;
  return (
    <ul className="space-y-2 text-sm" aria-label={`What needs doing for ${workerName}`}>
      {reminders.map((r) => (
        <li key={r.key}>
          <Link href={r.href} className="font-semibold">
            {r.title}
          </Link>
          <span className="block">
            <UrgencyTag urgency={r.urgency} /> {reminderWhen(r)}
          </span>
        </li>
      ))}
    </ul>
  );
}
