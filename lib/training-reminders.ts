import "server-only";
// A manager's "remind everyone out of date" (decision record 0033): who it reaches comes from the data layer, each is
// emailed what they are out of date on when email is set up, and each reminder is recorded, with how it went, whether
// or not an email could go (the worker sees their out-of-date training in their inbox and on their record anyway).
import { appUrl } from "./env";
import { sendMail } from "./mail";
import { REMIND_AGAIN_AFTER_DAYS, trainingReminderEmail } from "./rules/mandatory-training";
import type { SessionUser } from "./session-user";
import { outOfDateToRemind, recordTrainingReminders } from "@/db/queries/mandatory-training";
import type { Result } from "@/db/result";

export type RemindOutcome = { reminded: number; emailed: number; recentlyReminded: number };

export async function remindOutOfDate(user: SessionUser, today: string): Promise<Result<RemindOutcome>> {
  const { targets, recentlyReminded } = await outOfDateToRemind(user, today);
  if (targets.length === 0) {
    return { ok: false, code: "conflict", message: recentlyReminded ? `Everyone out of date was reminded in the last ${REMIND_AGAIN_AFTER_DAYS} days` : "Nobody in your teams is out of date" };
  }
  const origin = appUrl();
  const sent = [];
  for (const t of targets) {
    let delivery: string = "no_email";
    if (t.email) {
      const url = origin ? `${origin.replace(/\/$/, "")}/workers/${t.workerId}/mandatory-training` : undefined;
      delivery = await sendMail({ to: t.email, ...trainingReminderEmail({ name: t.name, managerName: user.name, subjects: t.subjects, url }) });
    }
    sent.push({ ...t, delivery });
  }
  const recorded = await recordTrainingReminders(user, sent);
  if (!recorded.ok) return recorded;
  return { ok: true, reminded: recorded.count, emailed: sent.filter((s) => s.delivery === "sent").length, recentlyReminded };
}
