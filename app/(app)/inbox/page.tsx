import type { Metadata } from "next";
import { requireRole } from "@/lib/auth";
import { inboxReminders } from "@/db/queries/inbox";
import { todayInLondon } from "@/lib/rules/dates";
import { URGENCIES, urgencyWords } from "@/lib/rules/reminders";
import { WaitingList } from "@/components/waiting-list";

export const metadata: Metadata = { title: "Inbox" };

export default async function InboxPage() {
  const user = await requireRole("support_worker", "manager");
  const today = todayInLondon();
  const reminders = await inboxReminders(user, today);
  const own = user.role === "support_worker";
  return (
    <>
      <h1 className="mb-2">Inbox</h1>
      <p className="mb-6 text-nhs-secondary">
        {own ? "What is yours to do, coming up or overdue in your development." : "What is yours to do, coming up or overdue for the workers you manage, and for you."}{" "}
        Worked out from the records as they are now, so anything dealt with drops off.
      </p>
      {reminders.length === 0 ? (
        <p className="card">Nothing is waiting for you, nothing is due in the next 30 days and nothing is overdue.</p>
      ) : (
        URGENCIES.map((urgency) => {
          const list = reminders.filter((r) => r.urgency === urgency);
          if (list.length === 0) return null;
          return (
            <section key={urgency} aria-labelledby={`inbox-${urgency}`} className="mb-8">
              <h2 id={`inbox-${urgency}`} className="mb-3 text-xl">
                {urgencyWords[urgency]} ({list.length})
              </h2>
              <WaitingList reminders={list} showWho={!own} />
            </section>
          );
        })
      )}
    </>
  );
}
