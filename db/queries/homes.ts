import "server-only";
// The two homes: a support worker's ("My development", /me) and a manager's ("My team", /team). What waits for the
// person on either is the inbox's own list (db/queries/inbox.ts), taken whole, never worked out again here, so a home,
// the inbox and the count in the navigation always agree (decision record 0010).
import { developmentSummaries, type DevelopmentSummary } from "./development";
import { inboxReminders } from "./inbox";
import type { SessionUser } from "../../lib/session-user";
import { splitByWorker, type Reminder } from "../../lib/rules/reminders";
import { byUrgency, teamFigures } from "../../lib/rules/attention";

/** A support worker's home: where they stand, and everything in their inbox, in its order. */
export async function workerHome(user: SessionUser, today: string, workerId: string) {
  return {
    summary: (await developmentSummaries(user, today, { workerIds: [workerId] }))[0],
    waiting: await inboxReminders(user, today),
  };
}

export type TeamRow = DevelopmentSummary & { name: string; hasAgreedPdp: boolean; waiting: Reminder[] };

/**
 * A manager's home: each in-post worker they manage with what is waiting about them (the inbox's reminders for that
 * worker), those with most to do first; the reminders about anyone the table does not list (their own record); and
 * the figures at the top.
 */
export async function teamHome(user: SessionUser, today: string) {
  const summaries = await developmentSummaries(user, today);
  const { byWorker, rest } = splitByWorker(await inboxReminders(user, today), summaries.map((r) => r.workerId));
  const rows: TeamRow[] = summaries
    .map((r) => ({ ...r, name: `${r.lastName}, ${r.firstName}`, hasAgreedPdp: r.pdp === "agreed", waiting: byWorker.get(r.workerId) ?? [] }))
    .sort((a, b) => byUrgency({ ...a, reasons: a.waiting }, { ...b, reasons: b.waiting }));
  return { rows, forYou: rest, figures: teamFigures(rows, today) };
}
