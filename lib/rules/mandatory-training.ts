// Statutory and mandatory training (decision record 0033): who needs a subject, when a completion runs out, where a
// worker stands on each subject they need, and the figures a team and a scorecard count. Pure; db/queries/
// mandatory-training.ts reads the subjects, their audiences and the completions and hands them here.
import { addMonths, daysBetween } from "./dates";
import { REMINDER_SOON_DAYS } from "./reminders";
import type { ComplianceStatus, TrainingAudienceKind } from "../vocabulary";

/** A completion is "expiring soon" within this many days of its expiry: the inbox's "due soon" window. */
export const EXPIRING_DAYS = REMINDER_SOON_DAYS;

/** The longest renewal an organisation may set: ten years. */
export const RENEWAL_MONTHS_MAX = 120;

/** Who a subject is for: one row each (everyone; or a stage, a profession, a care setting by its id). */
export type Audience = { kind: TrainingAudienceKind; refId: string | null };

/** What of a worker decides which subjects they need. The care setting is their own, or else their team's. */
export type WorkerForTraining = { stageId: string; professionId: string; careSettingId: string | null };

/** Whether a worker needs a subject: any one of its audiences takes them in. A subject with none is needed by nobody. */
export function needsSubject(audiences: readonly Audience[], worker: WorkerForTraining): boolean {
  return audiences.some((a) => {
    switch (a.kind) {
      case "everyone":
        return true;
      case "stage":
        return a.refId === worker.stageId;
      case "profession":
        return a.refId === worker.professionId;
      case "care_setting":
        return worker.careSettingId !== null && a.refId === worker.careSettingId;
    }
  });
}

/**
 * The day a completion runs out: its renewal period after the day it was done, or never for a subject done once. The
 * period is the subject's when the completion is recorded, kept with it: a later change to the subject's period
 * applies to completions recorded from then on (decision record 0033).
 */
export function expiryOf(completedOn: string, renewalMonths: number | null): string | null {
  return renewalMonths === null ? null : addMonths(completedOn, renewalMonths);
}

/**
 * Where a worker stands on a subject, from their latest completion: never done; expired once the expiry day has
 * passed (a completion is in date on the day it expires, as a competency sign-off is); expiring within 30 days; else
 * in date. Expiring soon is still in date, and counts as compliant.
 */
export function complianceStatus(latest: { expiresOn: string | null } | null | undefined, today: string): ComplianceStatus {
  if (!latest) return "never";
  if (latest.expiresOn === null) return "in_date";
  const days = daysBetween(today, latest.expiresOn);
  if (days < 0) return "expired";
  if (days <= EXPIRING_DAYS) return "expiring";
  return "in_date";
}

/** In date, for the compliance figure: in date or expiring soon. */
export const isCompliant = (status: ComplianceStatus) => status === "in_date" || status === "expiring";

/** Out of date, for reminders: expired or never done. */
export const isOutOfDate = (status: ComplianceStatus) => status === "expired" || status === "never";

/** Something to do about it: out of date, or expiring soon. */
export const needsAttention = (status: ComplianceStatus) => status !== "in_date";

export type ComplianceCounts = Record<ComplianceStatus, number> & { required: number };

/** How many of a worker's (or a team's) needed subjects are in each state. */
export function countStatuses(statuses: readonly ComplianceStatus[]): ComplianceCounts {
  const counts: ComplianceCounts = { required: statuses.length, in_date: 0, expiring: 0, expired: 0, never: 0 };
  for (const s of statuses) counts[s] += 1;
  return counts;
}

/**
 * The compliance figure: the share of needed subjects in date, as a whole percentage rounded down (99.6% is not
 * 100%), or null when nothing is needed.
 */
export function compliancePercent(counts: ComplianceCounts): number | null {
  if (counts.required === 0) return null;
  return Math.floor(((counts.in_date + counts.expiring) / counts.required) * 100);
}

/** The worst state first, then the soonest expiry, then by name: the order a worker's subjects are listed in. */
export function compareSubjectRows(
  a: { status: ComplianceStatus; expiresOn: string | null; name: string },
  b: { status: ComplianceStatus; expiresOn: string | null; name: string },
): number {
  const order: Record<ComplianceStatus, number> = { expired: 0, never: 1, expiring: 2, in_date: 3 };
  if (a.status !== b.status) return order[a.status] - order[b.status];
  const ae = a.expiresOn ?? "9999-12-31";
  const be = b.expiresOn ?? "9999-12-31";
  if (ae !== be) return ae < be ? -1 : 1;
  return a.name.localeCompare(b.name);
}

/** "Every 3 years", "Every year", "Every 18 months", "Once". */
export function renewalWords(months: number | null): string {
  if (months === null) return "Once (does not expire)";
  if (months % 12 === 0) return months === 12 ? "Every year" : `Every ${months / 12} years`;
  return months === 1 ? "Every month" : `Every ${months} months`;
}

/** The email a manager's reminder sends a worker: what is out of date, and where to see it. Plain text. */
export function trainingReminderEmail(input: { name: string; managerName: string; subjects: readonly string[]; url: string | undefined }) {
  const n = input.subjects.length;
  return {
    subject: `Pathways: ${n === 1 ? "mandatory training to do" : `${n} mandatory training subjects to do`}`,
    text: [
      `Hello ${input.name},`,
      "",
      `${input.managerName} has asked you to bring your mandatory training up to date. ${n === 1 ? "This is" : "These are"} expired or not yet done:`,
      "",
      ...input.subjects.map((s) => `- ${s}`),
      "",
      "Book it through your learning system, or talk to your manager if you cannot.",
      ...(input.url ? ["", `Your mandatory training in Pathways: ${input.url}`] : []),
    ].join("\n"),
  };
}

/** What a manager is told after reminding everyone out of date. */
export function remindedWords(r: { reminded: number; emailed: number; recentlyReminded: number }): string {
  const people = (n: number) => `${n} ${n === 1 ? "person" : "people"}`;
  const skipped = r.recentlyReminded ? ` ${people(r.recentlyReminded)} reminded in the last ${REMIND_AGAIN_AFTER_DAYS} days ${r.recentlyReminded === 1 ? "was" : "were"} left out.` : "";
  if (r.emailed === r.reminded) return `Reminded ${people(r.reminded)} by email.${skipped}`;
  if (r.emailed === 0) {
    return `Recorded a reminder for ${people(r.reminded)}. No email could be sent (email is not set up, or they have no login); they see what is out of date in their inbox and on their record.${skipped}`;
  }
  const rest = r.reminded - r.emailed;
  return `Reminded ${people(r.reminded)}: ${r.emailed} by email. The other ${rest} could not be emailed; they see what is out of date in their inbox and on their record.${skipped}`;
}

/** A worker reminded in the last this many days is not reminded again by the bulk reminder. */
export const REMIND_AGAIN_AFTER_DAYS = 7;

/** How a reminder went: claimed and not yet sent, emailed, email not set up, the email failed, or no login to email. */
export type ReminderDelivery = "pending" | "sent" | "not_configured" | "failed" | "no_email";

/** Why a manager's reminder reached nobody. */
export function nobodyToRemindWords(recentlyReminded: number): string {
  return recentlyReminded ? `Everyone out of date was reminded in the last ${REMIND_AGAIN_AFTER_DAYS} days` : "Nobody in your teams is out of date";
}
