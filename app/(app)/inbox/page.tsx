import type { Metadata } from "next";
import Link from "@/components/link";
import { requireRole } from "@/lib/auth";
import { inboxReminders } from "@/db/queries/inbox";
import { formatDate, todayInLondon } from "@/lib/rules/dates";
import type { Reminder, Urgency } from "@/lib/rules/reminders";
import { Tag } from "@/components/tags";

export const metadata: Metadata = { title: "Inbox" };

const SECTIONS: { urgency: Urgency; heading: string }[] = [
  { urgency: "overdue", heading: "Overdue" },
  { urgency: "due_soon", heading: "Due soon" },
];

function when(r: Reminder) {
  if (r.kind === "otj_hours_behind") return r.urgency === "overdue" ? "Well behind now" : "Slightly behind now";
  if (r.kind === "training_request_awaiting") {
    return r.dueOn ? `Awaiting your decision; the course starts ${formatDate(r.dueOn)}` : "Awaiting your decision";
  }
  if (!r.dueOn) return "";
  if (r.kind === "competency_expiring") return r.urgency === "overdue" ? `Expired ${formatDate(r.dueOn)}` : `Expires ${formatDate(r.dueOn)}`;
  return r.urgency === "overdue" ? `Was due ${formatDate(r.dueOn)}` : `Due ${formatDate(r.dueOn)}`;
}

export default async function InboxPage() {
  const user = await requireRole("support_worker", "manager");
  const today = todayInLondon();
  const reminders = inboxReminders(user, today);
  const own = user.role === "support_worker";
  return (
    <>
      <h1 className="mb-2">Inbox</h1>
      <p className="mb-6 text-nhs-secondary">
        {own ? "What is coming up or overdue in your development." : "What is coming up or overdue for the workers you manage, and for you."} Worked
        out from the records as they are now, so anything dealt with drops off.
      </p>
      {reminders.length === 0 ? (
        <p className="card">Nothing is due in the next 30 days and nothing is overdue.</p>
      ) : (
        SECTIONS.map(({ urgency, heading }) => {
          const list = reminders.filter((r) => r.urgency === urgency);
          if (list.length === 0) return null;
          return (
            <section key={urgency} aria-labelledby={`inbox-${urgency}`} className="mb-8">
              <h2 id={`inbox-${urgency}`} className="mb-3 text-xl">
                {heading} ({list.length})
              </h2>
              <ul className="space-y-3">
                {list.map((r) => (
                  <li key={r.key} className={`card p-3 sm:p-4 border-l-8 ${urgency === "overdue" ? "border-l-nhs-red" : "border-l-nhs-warm-yellow"}`}>
                    <p className="mb-1 font-semibold">
                      <Link href={r.href}>{r.title}</Link>
                      {own ? null : <span className="block font-normal">{r.workerName}</span>}
                    </p>
                    <p className="flex flex-wrap items-center gap-2">
                      <Tag tone={urgency === "overdue" ? "red" : "amber"}>{heading}</Tag>
                      <span>{when(r)}</span>
                    </p>
                  </li>
                ))}
              </ul>
            </section>
          );
        })
      )}
    </>
  );
}
