import "server-only";
// The reminder email job (`npm run reminders`, safe to run from cron): each person with an inbox gets one digest of
// what is new since the last one, never the same reminder twice. Nothing is sent, or recorded, without SMTP. One run at
// a time, whatever runs it (cron on several app machines, a script by hand): a run that finds another holding the
// lease sends nothing and says so.
import { inboxRemindersNow } from "../db/queries/inbox";
import { randomUUID } from "node:crypto";
import { digestRecipients, recordSent, releaseDigestLease, renewDigestLease, sentReminderKeys, takeDigestLease } from "../db/queries/reminder-digests";
import { appUrl } from "./env";
import { mailConfigured, sendMail } from "./mail";
import { formatDate, todayInLondon } from "./rules/dates";
import { digestEmail, notYetSent } from "./rules/reminders";

export type DigestRun = { configured: boolean; recipients: number; sent: number; failed: number; reminders: number; otherRunBusy?: true };

export async function sendReminderDigests(today = todayInLondon()): Promise<DigestRun> {
  const run: DigestRun = { configured: mailConfigured(), recipients: 0, sent: 0, failed: 0, reminders: 0 };
  if (!run.configured) return run;
  const holder = randomUUID();
  if (!(await takeDigestLease(holder))) return { ...run, otherRunBusy: true };
  try {
    await sendToEach(run, today, holder);
  } finally {
    await releaseDigestLease(holder);
  }
  return run;
}

/** How many people between two renewals of the lease. */
const RENEW_EVERY = 25;

async function sendToEach(run: DigestRun, today: string, holder: string): Promise<void> {
  for (const user of await digestRecipients()) {
    // A long run keeps its lease; one that lost it (it ran past the lease and another run took over) stops here.
    if (run.recipients > 0 && run.recipients % RENEW_EVERY === 0 && !(await renewDigestLease(holder))) {
      run.otherRunBusy = true;
      return;
    }
    run.recipients++;
    const all = await inboxRemindersNow(user, today);
    const fresh = notYetSent(all, await sentReminderKeys(user, all.map((r) => r.key)));
    if (fresh.length === 0) continue;
    const { subject, text } = digestEmail({ name: user.name, reminders: fresh, appUrl: appUrl(), formatDate });
    const outcome = await sendMail({ to: user.email, subject, text });
    if (outcome === "sent") {
      // Recorded only once the server has taken it: a failed send is tried again on the next run.
      await recordSent(user, fresh.map((r) => r.key));
      run.sent++;
      run.reminders += fresh.length;
    } else run.failed++;
  }
}
