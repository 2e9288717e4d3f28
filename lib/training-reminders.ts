import "server-only";
// A manager's "remind everyone out of date" (decision record 0033): the reminders are claimed first, in one transaction
// (db/queries/mandatory-training.ts), then each worker is emailed what they are out of date on when email is set up
// and they have an active login, and how it went is recorded. The worker sees their out-of-date training in their
// inbox and on their record whether or not an email could go.
import { appUrl } from "./env";
import { sendMail } from "./mail";
import { trainingReminderEmail, type ReminderDelivery } from "./rules/mandatory-training";
import type { SessionUser } from "./session-user";
import { claimTrainingReminders, recordReminderDelivery } from "@/db/queries/mandatory-training";
import type { Result } from "@/db/result";

export type RemindOutcome = { reminded: number; emailed: number; recentlyReminded: number };

export async function remindOutOfDate(user: SessionUser, today: string): Promise<Result<RemindOutcome>> {
  const claim = await claimTrainingReminders(user, today);
  if (!claim.ok) return claim;
  const origin = appUrl();
  let emailed = 0;
  for (const t of claim.claimed) {
    let delivery: ReminderDelivery = "no_email";
    if (t.email) {
      const url = origin ? `${origin.replace(/\/$/, "")}/workers/${t.workerId}/mandatory-training` : undefined;
      delivery = await sendMail({ to: t.email, ...trainingReminderEmail({ name: t.name, managerName: user.name, subjects: t.subjects, url }) });
    }
    if (delivery === "sent") emailed += 1;
    await recordReminderDelivery(user, t, delivery);
  }
  return { ok: true, reminded: claim.claimed.length, emailed, recentlyReminded: claim.recentlyReminded };
}
