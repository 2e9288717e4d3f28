// Sign-in throttling: after too many failures in a window, a key (an account or a client address) is locked for a while.

export type ThrottleLimits = { maxFailures: number; windowMs: number; lockMs: number };

export const ACCOUNT_LIMITS: ThrottleLimits = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
/**
 * Per client address. Generous by default: an NHS site often reaches the internet through one shared address, and a
 * low limit there would lock a whole hospital out. SIGN_IN_ADDRESS_LIMIT (lib/env.ts) sets it.
 */
export const ADDRESS_LIMITS: ThrottleLimits = { maxFailures: 100, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

export type ThrottleState = { failures: number; windowStartedAt: Date; lockedUntil: Date | null };

export function isLocked(state: ThrottleState | undefined, now: Date): boolean {
  return !!state?.lockedUntil && state.lockedUntil.getTime() > now.getTime();
}

/** The state after one more failure at `now`. */
export function afterFailure(state: ThrottleState | undefined, now: Date, limits: ThrottleLimits): ThrottleState {
  const windowExpired = !state || now.getTime() - state.windowStartedAt.getTime() > limits.windowMs;
  const lockExpired = !!state?.lockedUntil && state.lockedUntil.getTime() <= now.getTime();
  const base = windowExpired || lockExpired ? { failures: 0, windowStartedAt: now } : state;
  const failures = base.failures + 1;
  return {
    failures,
    windowStartedAt: base.windowStartedAt,
    lockedUntil: failures >= limits.maxFailures ? new Date(now.getTime() + limits.lockMs) : null,
  };
}
