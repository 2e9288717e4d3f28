// How long a login session lasts, and when a person is warned that it is about to end (decision records 0002, 0023).
// Shared by the server, which enforces the limits, and the browser, which warns before them: durations only, never a
// clock reading from the other side, so a ward computer whose clock is wrong still warns on time.

/** A session ends after this long without a request (a page, a save). */
export const IDLE_LIMIT_MS = 30 * 60_000;
/** …and after this long however active. */
export const ABSOLUTE_LIMIT_MS = 12 * 60 * 60_000;
/**
 * The warning comes this long before the end, with "Stay signed in" (WCAG 2.2.1 asks for at least 20 seconds). Five
 * minutes leaves time to finish a sentence and save, on a phone too.
 */
export const WARN_BEFORE_MS = 5 * 60_000;

/** What ends a session first: 30 minutes without a request, or its 12 hours. Only the first can be put off. */
export type SessionEndsBy = "idle" | "limit";

export type SessionEnd = { at: Date; by: SessionEndsBy };

/** When a session that is still open ends, unless a request comes first. */
export function sessionEnd(session: { createdAt: Date; lastSeenAt: Date }): SessionEnd {
  const idle = session.lastSeenAt.getTime() + IDLE_LIMIT_MS;
  const limit = session.createdAt.getTime() + ABSOLUTE_LIMIT_MS;
  return idle < limit ? { at: new Date(idle), by: "idle" } : { at: new Date(limit), by: "limit" };
}

/** What the browser is told: how many whole seconds are left (rounded down, never below 0), and what ends it. */
export type SessionTimeLeft = { endsInSeconds: number; endsBy: SessionEndsBy };

export function timeLeft(end: SessionEnd, now: Date): SessionTimeLeft {
  return { endsInSeconds: Math.max(0, Math.floor((end.at.getTime() - now.getTime()) / 1000)), endsBy: end.by };
}

/** How the warning says the time left: "4 minutes", "1 minute", "less than a minute". */
export function timeLeftWords(ms: number): string {
  if (ms < 60_000) return "less than a minute";
  const minutes = Math.ceil(ms / 60_000);
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}
