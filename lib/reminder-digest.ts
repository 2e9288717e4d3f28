import "server-only";
// The reminder email job (`npm run reminders`, safe to run from cron): each person with an inbox gets one digest of
// what is new since the last one, never the same reminder twice. Nothing is sent, or recorded, without SMTP.
import { inboxReminders } from "../db/queries/inbox";
import { digestRecipients, recordSent, sentReminderKeys } from "../db/queries/reminder-digests";
import { appUrl } from "./env";
import { mailConfigured, sendMail } from "./mail";
import { formatDate, todayInLondon } from "./rules/dates";
import { digestEmail, notYetSent } from "./rules/reminders";

export type DigestRun = { configured: boolean; recipients: number; sent: number; failed: number; reminders: number };

export async function sendReminderDigests(today = todayInLondon()): Promise<DigestRun> {
  const run: DigestRun = { configured: mailConfigured(), recipients: 0, sent: 0, failed: 0, reminders: 0 };
  if (!run.configured) return run;
  for (const user of await digestRecipients()) {
    run.recipients++;
    const all = await inboxReminders(user, today);
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
  return run;
}
