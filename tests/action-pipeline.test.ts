// The server-action pipeline itself (lib/action.ts): roles first, bound ids, the form, the data layer's answer,
// then refresh and redirect.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { hashPassword } from "@/lib/passwords";
import { defineAction } from "@/lib/action";
import { Id } from "@/lib/forms/ids";
import { newId } from "@/db/schema/_shared";
import { conflict, invalid, notFound, readOnly, type Result } from "@/db/result";
import { makeOrg, makeUser, asSession } from "./support/factory";
import { actAs, formData, NOT_FOUND } from "./support/auth-mock";
import { refreshed } from "./support/next-cache-mock";

vi.mock("@/lib/auth", () => import("./support/auth-mock"));
vi.mock("next/cache", () => import("./support/next-cache-mock"));

const Fields = z.object({ title: z.string().trim().min(1, "Enter a title"), note: z.string().optional() });

/** An action over a worker's record whose data-layer answer the test decides. */
function action(answer: (workerId: string, title: string) => Result<{ savedId: string }>, redirectTo?: string) {
  const calls: Array<{ userId: string; workerId: string; title: string; today: string }> = [];
  const run = defineAction({
    roles: ["manager", "admin"],
    ids: z.tuple([Id]),
    input: Fields,
    run: ({ user, ids: [workerId], input, today }) => {
      calls.push({ userId: user.id, workerId, title: input.title, today });
      return answer(workerId, input.title);
    },
    revalidate: ({ ids: [workerId], result }) => [`/workers/${workerId}`, { path: `/saved/${result.savedId}`, type: "layout" }],
    redirect: redirectTo ? ({ result }) => `${redirectTo}?saved=${result.savedId}` : undefined,
    done: ({ input }) => ({ ok: true, message: `Saved ${input.title}` }),
  });
  return { run, calls };
}

async function people() {
  const org = await makeOrg();
  return { manager: asSession(await makeUser(org.id, "manager")), lead: asSession(await makeUser(org.id, "lead")), worker: asSession(await makeUser(org.id, "support_worker")) };
}

beforeEach(() => {
  refreshed.length = 0;
});

describe("defineAction", () => {
  it("checks the roles first: a role not listed gets 404 and the data layer is never called", async () => {
    const p = await people();
    const { run, calls } = action(() => ({ ok: true, savedId: "x" }));
    for (const who of [p.lead, p.worker]) {
      actAs(who);
      await expect(run(newId(), {}, formData({ title: "Hello" }))).rejects.toThrow(NOT_FOUND);
    }
    actAs(null);
    await expect(run(newId(), {}, formData({ title: "Hello" }))).rejects.toThrow(/NEXT_REDIRECT/);
    expect(calls).toEqual([]);
  });

  it("answers 404 to a malformed bound id before reading the form", async () => {
    actAs((await people()).manager);
    const { run, calls } = action(() => ({ ok: true, savedId: "x" }));
    for (const bad of ["", "nope", "../../etc/passwd", `${newId()}x`, "a".repeat(200)]) {
      await expect(run(bad, {}, formData({ title: "" }))).rejects.toThrow(NOT_FOUND);
    }
    expect(calls).toEqual([]);
  });

  it("gives invalid input back with the field messages and what was typed, without calling the data layer", async () => {
    actAs((await people()).manager);
    const { run, calls } = action(() => ({ ok: true, savedId: "x" }));
    const state = await run(newId(), {}, formData({ title: "  ", note: "Kept note", password: "never echoed" }));
    expect(state).toMatchObject({ ok: false, message: "There is a problem", fieldErrors: { title: "Enter a title" }, values: { title: "  ", note: "Kept note" } });
    expect(state.values).not.toHaveProperty("password");
    expect(calls).toEqual([]);
    expect(refreshed).toEqual([]);
  });

  it("passes the user, the checked ids, the parsed input and today to the data layer, then refreshes and says done", async () => {
    const p = await people();
    actAs(p.manager);
    const workerId = newId();
    const { run, calls } = action(() => ({ ok: true, savedId: "s1" }));
    expect(await run(workerId, {}, formData({ title: "  Padded  " }))).toEqual({ ok: true, message: "Saved Padded" });
    expect(calls).toEqual([{ userId: p.manager.id, workerId, title: "Padded", today: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }]);
    expect(refreshed).toEqual([{ path: `/workers/${workerId}`, type: undefined }, { path: "/saved/s1", type: "layout" }]);
  });

  it("reads the form without control, bidirectional or zero-width characters, on success and when it is sent back", async () => {
    actAs((await people()).manager);
    const { run, calls } = action(() => ({ ok: true, savedId: "s3" }));
    await run(newId(), {}, formData({ title: "Care\u0000 Certificate\u202E\u200B" }));
    expect(calls.map((c) => c.title)).toEqual(["Care Certificate"]);
    const back = await run(newId(), {}, formData({ title: "\u200B\u2066", note: "Kept\u0007 note" }));
    expect(back).toMatchObject({ fieldErrors: { title: "Enter a title" }, values: { note: "Kept note" } });
    expect(calls).toHaveLength(1);
  });

  it("redirects after refreshing when asked", async () => {
    actAs((await people()).manager);
    const { run } = action(() => ({ ok: true, savedId: "s2" }), "/somewhere");
    await expect(run(newId(), {}, formData({ title: "Go" }))).rejects.toThrow(/NEXT_REDIRECT/);
    expect(refreshed.map((r) => r.path)).toContain("/saved/s2");
  });

  it("turns the data layer's not_found into a 404", async () => {
    actAs((await people()).manager);
    const { run } = action(() => notFound("Worker not found"));
    await expect(run(newId(), {}, formData({ title: "Hello" }))).rejects.toThrow(NOT_FOUND);
    expect(refreshed).toEqual([]);
  });

  it("turns any other refusal into the form's message, on its field when it names one, keeping what was typed", async () => {
    actAs((await people()).manager);
    for (const refusal of [readOnly("Leads read this"), conflict("Already done"), invalid("Choose a later date", "title"), conflict("Taken", "title")]) {
      const { run } = action(() => refusal);
      const state = await run(newId(), {}, formData({ title: "Typed", note: "Also typed" }));
      expect(state).toEqual({
        ok: false,
        message: refusal.message,
        fieldErrors: refusal.field ? { title: refusal.message } : undefined,
        values: { title: "Typed", note: "Also typed" },
        lists: { title: ["Typed"], note: ["Also typed"] },
      });
    }
    expect(refreshed).toEqual([]);
  });

  it("answers with a before step's state without reading the form or calling the data layer", async () => {
    actAs((await people()).manager);
    const run = defineAction({
      roles: ["manager"],
      before: ({ form }) => (form.get("intent") === "add-row" ? { values: { rows: "2" } } : undefined),
      input: Fields,
      run: () => ({ ok: true }) as const,
      revalidate: () => ["/x"],
      done: "Saved",
    });
    expect(await run({}, formData({ intent: "add-row" }))).toEqual({ values: { rows: "2" } });
    expect(refreshed).toEqual([]);
    expect(await run({}, formData({ title: "A" }))).toEqual({ ok: true, message: "Saved" });
  });

  it("asks for the password again when it reauthenticates", async () => {
    const p = await people();
    actAs(p.manager);
    const run = defineAction({ roles: ["manager"], reauthenticate: true, run: () => ({ ok: true }) as const, revalidate: () => [], done: "Signed" });
    expect(await run({}, formData({}))).toMatchObject({ ok: false, fieldErrors: { password: "Enter your password to confirm it is you" } });
    expect(await run({}, formData({ password: "not their password" }))).toMatchObject({ ok: false, fieldErrors: { password: "The password is not right" } });
    await db.update(users).set({ passwordHash: await hashPassword("correct horse battery") }).where(eq(users.id, p.manager.id));
    expect(await run({}, formData({ password: "correct horse battery" }))).toEqual({ ok: true, message: "Signed" });
  });
});
