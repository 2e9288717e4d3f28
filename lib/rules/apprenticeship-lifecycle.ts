// An apprenticeship's life: planned → on programme ⇄ break in learning → gateway → end-point assessment → completed,
// and withdrawn (with a reason) from any live state. Pure rules; the data layer applies them and records the change.
import { apprenticeshipStatusWords, type ApprenticeshipStatus } from "../vocabulary";

export type ApprenticeshipStep = "start" | "break" | "return" | "enter_gateway" | "start_epa" | "complete" | "withdraw";

type Transition = { from: readonly ApprenticeshipStatus[]; to: ApprenticeshipStatus; needsReason?: boolean };

/** The statuses an apprenticeship is still live in; completed and withdrawn are final. */
export const LIVE_APPRENTICESHIP_STATUSES = ["planned", "on_programme", "break_in_learning", "gateway", "end_point_assessment"] as const satisfies readonly ApprenticeshipStatus[];

export const APPRENTICESHIP_STEPS: Record<ApprenticeshipStep, Transition> = {
  start: { from: ["planned"], to: "on_programme" },
  break: { from: ["on_programme"], to: "break_in_learning", needsReason: true },
  return: { from: ["break_in_learning"], to: "on_programme" },
  enter_gateway: { from: ["on_programme"], to: "gateway" },
  start_epa: { from: ["gateway"], to: "end_point_assessment" },
  complete: { from: ["end_point_assessment"], to: "completed" },
  withdraw: { from: LIVE_APPRENTICESHIP_STATUSES, to: "withdrawn", needsReason: true },
};

export type ApprenticeshipTransitionCheck = { ok: true; step: ApprenticeshipStep; to: ApprenticeshipStatus } | { ok: false; message: string; field?: "reason" };

const words = (s: ApprenticeshipStatus) => apprenticeshipStatusWords.label(s).toLowerCase();

export function isLive(status: ApprenticeshipStatus): boolean {
  return (LIVE_APPRENTICESHIP_STATUSES as readonly ApprenticeshipStatus[]).includes(status);
}

/** The date the position a completed apprenticeship leads to is offered from: its completion, or today once that has passed. */
export function positionStartsOn(completedOn: string, today: string): string {
  return completedOn <= today ? today : completedOn;
}

/** The statuses an apprenticeship may move to next from `current`. */
export function nextStatuses(current: ApprenticeshipStatus): ApprenticeshipStatus[] {
  return Object.values(APPRENTICESHIP_STEPS)
    .filter((t) => t.from.includes(current))
    .map((t) => t.to);
}

/** Whether an apprenticeship in `current` may move to `to`; a refusal says what it may move to instead. */
export function checkApprenticeshipTransition(current: ApprenticeshipStatus, to: ApprenticeshipStatus, reason = ""): ApprenticeshipTransitionCheck {
  if (current === to) return { ok: false, message: `This apprenticeship is already ${words(current)}` };
  if (!isLive(current)) return { ok: false, message: `This apprenticeship is ${words(current)}; its status can no longer change` };
  const entry = (Object.entries(APPRENTICESHIP_STEPS) as Array<[ApprenticeshipStep, Transition]>).find(([, t]) => t.to === to && t.from.includes(current));
  if (!entry) {
    const next = nextStatuses(current).map(words);
    return {
      ok: false,
      message: `An apprenticeship that is ${words(current)} cannot move straight to ${words(to)}; it can move to ${next.join(" or ")}`,
    };
  }
  const [step, t] = entry;
  if (t.needsReason && reason.trim().length === 0) {
    return { ok: false, message: to === "withdrawn" ? "Give the reason for the withdrawal" : "Give the reason for the break in learning", field: "reason" };
  }
  return { ok: true, step, to };
}
