// Outside a request Next's `after()` and `cookies()` throw. For every test file (the files share one module graph, so
// a mock in one file would not reach a module another file had already loaded), `after` keeps its work to be awaited
// and `cookies().set` records what was set (./next-request.ts); everything else of next/server and next/headers is
// Next's own.
import { vi } from "vitest";

vi.mock("next/server", async (original) => {
  const { afterTasks } = await import("./next-request");
  return {
    ...(await original<typeof import("next/server")>()),
    after: (task: (() => unknown) | Promise<unknown>) => {
      afterTasks.push(Promise.resolve().then(() => (typeof task === "function" ? task() : task)));
    },
  };
});

vi.mock("next/headers", async (original) => {
  const { cookiesSet } = await import("./next-request");
  return {
    ...(await original<typeof import("next/headers")>()),
    cookies: async () => ({
      get: () => undefined,
      set: (name: string, value: string, options: Record<string, unknown> = {}) => cookiesSet.push({ name, value, options }),
    }),
  };
});
