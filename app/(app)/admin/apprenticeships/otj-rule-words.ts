// How an off-the-job rule reads on the admin pages: the start dates it governs and what it requires.
import { addDays, formatDate } from "@/lib/rules/dates";

/** The table holds 0.2 for 20%, 6 for six hours a week. */
export function ruleFigure(r: { kind: string; value: number; minimumHours: number | null }): string {
  const floor = r.minimumHours !== null ? `, never below ${r.minimumHours} hours` : "";
  if (r.kind === "percent_of_hours") return `${Math.round(r.value * 100)}% of contracted hours${floor}`;
  if (r.kind === "hours_per_week") return `${r.value} hours a week full time, pro rata part time${floor}`;
  return `The standard's own published minimum${floor}`;
}

/** The table's end date is exclusive; people read the last start date the rule covers. */
export function ruleRange(r: { effectiveFrom: string; effectiveTo: string | null }): string {
  return r.effectiveTo ? `${formatDate(r.effectiveFrom)} to ${formatDate(addDays(r.effectiveTo, -1))}` : `From ${formatDate(r.effectiveFrom)}`;
}

export const apprenticeshipCount = (n: number) => (n === 0 ? "no apprenticeships" : `${n} ${n === 1 ? "apprenticeship" : "apprenticeships"}`);
