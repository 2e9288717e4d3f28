// Sign-in throttling: after too many failures in a window, a key (an account's untrusted browsers, one device cookie,
// or a client address) is locked for a while, and each further failure after a lock locks it for twice as long.

export type ThrottleLimits = {
  maxFailures: number;
  /** Failures further apart than this, with no lock between them, start the count again. */
  windowMs: number;
  /** The first lock. */
  lockMs: number;
  /** Each failure after the first lock locks again for twice the last lock, up to this. Equal to lockMs: no growth. */
  maxLockMs: number;
  /** How long after a lock ends a failure still carries on the streak (and so a longer lock). */
  rememberMs: number;
};

/**
 * An account's untrusted browsers (no device cookie for it), together: 5 failures within a day with no success between
 * them, then a lock of 15 minutes, then 30, 60, … up to a day for each further failure, until a day passes without
 * one. About 11 guesses in the first day, then one a day, however many browsers or addresses an attacker uses and
 * however slowly they guess (a 15-minute window let a guess every 4 minutes through forever); the owner's known
 * browsers are not affected.
 */
export const ACCOUNT_LIMITS: ThrottleLimits = {
  maxFailures: 5,
  windowMs: 24 * 60 * 60_000,
  lockMs: 15 * 60_000,
  maxLockMs: 24 * 60 * 60_000,
  rememberMs: 24 * 60 * 60_000,
};

/** One device cookie (a browser the account signed in with before): the same steps, counted for that browser alone. */
export const DEVICE_LIMITS: ThrottleLimits = { ...ACCOUNT_LIMITS };

/**
 * Per client address. Generous by default and never growing: an NHS site often reaches the internet through one
 * shared address, and a low limit there would lock a whole hospital out. SIGN_IN_ADDRESS_LIMIT (lib/env.ts) sets it.
 */
export const ADDRESS_LIMITS: ThrottleLimits = {
  maxFailures: 100,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  maxLockMs: 15 * 60_000,
  rememberMs: 0,
};

export type ThrottleState = { failures: number; windowStartedAt: Date; lockedUntil: Date | null };

export function isLocked(state: ThrottleState | undefined, now: Date): boolean {
  return !!state?.lockedUntil && state.lockedUntil.getTime() > now.getTime();
}

/** How long the lock after the `failures`-th failure lasts (0: no lock yet). */
export function lockLength(failures: number, limits: ThrottleLimits): number {
  if (failures < limits.maxFailures) return 0;
  const doublings = Math.min(failures - limits.maxFailures, 30);
  return Math.min(limits.maxLockMs, limits.lockMs * 2 ** doublings);
}

/** The state after one more failure at `now` (a failure while locked is refused before it is counted). */
export function afterFailure(state: ThrottleState | undefined, now: Date, limits: ThrottleLimits): ThrottleState {
  const t = now.getTime();
  const forgotten =
    !state ||
    (state.lockedUntil
      ? t - state.lockedUntil.getTime() > limits.rememberMs || (limits.rememberMs === 0 && t >= state.lockedUntil.getTime())
      : t - state.windowStartedAt.getTime() > limits.windowMs);
  const base = forgotten ? { failures: 0, windowStartedAt: now } : state;
  const failures = base.failures + 1;
  const lock = lockLength(failures, limits);
  return { failures, windowStartedAt: base.windowStartedAt, lockedUntil: lock > 0 ? new Date(t + lock) : null };
}

/**
 * "Forgotten your password?" requests for one email address, whether or not it has an account (so the limit says
 * nothing about which do): three links an hour. Each emails a fresh link to the account's owner and expires the last,
 * so more would only fill their inbox.
 */
export const RESET_EMAIL_LIMITS: ThrottleLimits = {
  maxFailures: 3,
  windowMs: 60 * 60_000,
  lockMs: 60 * 60_000,
  maxLockMs: 60 * 60_000,
  rememberMs: 0,
};

/** The same requests from one client address, for any email: generous, since a hospital shares one address. */
export const RESET_ADDRESS_LIMITS: ThrottleLimits = {
  maxFailures: 30,
  windowMs: 60 * 60_000,
  lockMs: 60 * 60_000,
  maxLockMs: 60 * 60_000,
  rememberMs: 0,
};
