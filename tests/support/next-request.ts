// What Next's request-scoped helpers did in a unit test (tests/support/next-request-mock.ts sets them up for every file).
export type CookieSet = { name: string; value: string; options: Record<string, unknown> };

/** Work handed to `after()`: Next runs it once the answer has gone; a test awaits it. */
export const afterTasks: Promise<unknown>[] = [];
/** Cookies set with `(await cookies()).set(…)`. */
export const cookiesSet: CookieSet[] = [];
