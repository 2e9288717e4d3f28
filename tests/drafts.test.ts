// Drafts of long forms kept in the browser (decision record 0023): sealed with the person's own key, so the next person
// at a shared computer can neither read nor open them; kept under names that say nothing; dropped after a day, on
// signing out, and once the server says the form was saved.
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { defineAction } from "@/lib/action";
import { draftKeysFor } from "@/lib/drafts";
import {
  DRAFT_FIELD,
  DRAFT_LIFETIME_MS,
  SAVED_DRAFT_COOKIE,
  draftName,
  forgetDraftsOf,
  openDraft,
  pruneDrafts,
  sameTyped,
  sealDraft,
  storageKeyFor,
  withDraft,
  type DraftStorage,
} from "@/lib/forms/drafts";
import { asSession, makeOrg, makeUser } from "./support/factory";
import { actAs, formData } from "./support/auth-mock";
import { cookiesSet } from "./support/next-request";

vi.mock("@/lib/auth", () => import("./support/auth-mock"));
vi.mock("next/cache", () => import("./support/next-cache-mock"));

const SECRET = "a-test-secret-that-is-long-enough-0123456789";

/** localStorage as far as drafts use it. */
class MemoryStorage implements DraftStorage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.items.set(k, v);
  }
  removeItem(k: string) {
    this.items.delete(k);
  }
  keys() {
    return [...this.items.keys()];
  }
}

const TYPED = {
  values: { achievements: "Led the falls clinic on Ward 7 for a month", "reviews.0.outcome": "met" },
  lists: { achievements: ["Led the falls clinic on Ward 7 for a month"], barriers: ["time", "funding"] },
};
const t0 = Date.UTC(2026, 11, 6, 14, 5);

describe("draft keys", () => {
  it("are each person's own, the same on every visit, and follow the server's secret", () => {
    const a = draftKeysFor("user-a", SECRET)!;
    expect(draftKeysFor("user-a", SECRET)).toEqual(a);
    expect(draftKeysFor("user-b", SECRET)!.key).not.toBe(a.key);
    expect(draftKeysFor("user-b", SECRET)!.owner).not.toBe(a.owner);
    expect(draftKeysFor("user-a", `${SECRET}-rotated`)!.key).not.toBe(a.key);
    expect(a.owner).not.toContain("user-a");
    expect(draftKeysFor("user-a", "")).toBeUndefined();
  });
});

describe("a sealed draft", () => {
  it("opens with its owner's key, and with no one else's", async () => {
    const mine = draftKeysFor("user-a", SECRET)!;
    const theirs = draftKeysFor("user-b", SECRET)!;
    const name = draftName("appraisal", "Nq3F22g2-MM0Cj2l")!;
    const where = await storageKeyFor(mine, name);
    const sealed = await sealDraft(mine, where, { ...TYPED, savedAt: t0 });
    expect(await openDraft(mine, where, sealed, t0 + 1000)).toEqual({ ...TYPED, savedAt: t0 });
    expect(await openDraft(theirs, where, sealed, t0 + 1000)).toBeNull();
    // Copied to where another of the owner's drafts lives, it does not open there either.
    const elsewhere = await storageKeyFor(mine, draftName("appraisal", "another-appraisal")!);
    expect(await openDraft(mine, elsewhere, sealed, t0 + 1000)).toBeNull();
    // Changed by anyone, it does not open.
    const parsed = JSON.parse(sealed) as { data: string };
    const flipped = JSON.stringify({ ...JSON.parse(sealed), data: `${parsed.data.startsWith("A") ? "B" : "A"}${parsed.data.slice(1)}` });
    expect(await openDraft(mine, where, flipped, t0 + 1000)).toBeNull();
    expect(await openDraft(mine, where, "not json", t0)).toBeNull();
    expect(await openDraft(mine, where, null, t0)).toBeNull();
  });

  it("says nothing readable: not what was typed, not whose it is, not which record", async () => {
    const keys = draftKeysFor("user-a", SECRET)!;
    const name = draftName("appraisal", "Nq3F22g2-MM0Cj2l")!;
    const where = await storageKeyFor(keys, name);
    const sealed = await sealDraft(keys, where, { ...TYPED, savedAt: t0 });
    for (const text of [where, sealed]) {
      expect(text).not.toContain("falls clinic");
      expect(text).not.toContain("user-a");
      expect(text).not.toContain("Nq3F22g2");
      expect(text).not.toContain("appraisal");
    }
  });

  it("is not opened after a day, and is swept away then, whoever's it is", async () => {
    const storage = new MemoryStorage();
    const a = draftKeysFor("user-a", SECRET)!;
    const b = draftKeysFor("user-b", SECRET)!;
    const old = await storageKeyFor(a, "cpd-new:w1");
    const fresh = await storageKeyFor(b, "cpd-new:w2");
    storage.setItem(old, await sealDraft(a, old, { ...TYPED, savedAt: t0 }));
    storage.setItem(fresh, await sealDraft(b, fresh, { ...TYPED, savedAt: t0 + DRAFT_LIFETIME_MS }));
    storage.setItem("something-else", "kept");
    expect(await openDraft(a, old, storage.getItem(old), t0 + DRAFT_LIFETIME_MS + 1)).toBeNull();
    pruneDrafts(storage, t0 + DRAFT_LIFETIME_MS + 1);
    expect(storage.keys().sort()).toEqual([fresh, "something-else"].sort());
  });

  it("goes, with all of its owner's drafts and no one else's, when they sign out", async () => {
    const storage = new MemoryStorage();
    const a = draftKeysFor("user-a", SECRET)!;
    const b = draftKeysFor("user-b", SECRET)!;
    for (const [keys, name] of [
      [a, "appraisal:x1"],
      [a, "goal-new:w1"],
      [b, "appraisal:x1"],
    ] as const) {
      const where = await storageKeyFor(keys, name);
      storage.setItem(where, await sealDraft(keys, where, { ...TYPED, savedAt: t0 }));
    }
    forgetDraftsOf(storage, a);
    expect(storage.keys()).toEqual([await storageKeyFor(b, "appraisal:x1")]);
  });
});

describe("what a draft puts back", () => {
  it("replaces what the page shows field by field, and keeps the page's own hidden fields", () => {
    const shown = { values: { "objectives.0.id": "obj1", achievements: "saved text", wellbeing: "fine" }, lists: {} };
    const draft = { values: { achievements: "typed since", "objectives.1.title": "A new one" }, lists: {} };
    expect(withDraft(shown, draft).values).toEqual({ "objectives.0.id": "obj1", achievements: "typed since", wellbeing: "fine", "objectives.1.title": "A new one" });
    expect(sameTyped(shown, { values: { ...shown.values }, lists: {} })).toBe(true);
    expect(sameTyped(shown, withDraft(shown, draft))).toBe(false);
  });

  it("has a name only for ids that are ours", () => {
    expect(draftName("appraisal", "Nq3F22g2-MM0Cj2l")).toBe("appraisal:Nq3F22g2-MM0Cj2l");
    expect(draftName("conversation-new", "w1", "a1")).toBe("conversation-new:w1:a1");
    expect(draftName("appraisal", "../../etc")).toBeUndefined();
    expect(draftName("appraisal", "x".repeat(65))).toBeUndefined();
    expect(draftName("appraisal", "")).toBeUndefined();
  });
});

describe("a saved form", () => {
  const save = (answer: { ok: true } | { ok: false; code: "invalid"; message: string }) =>
    defineAction({
      roles: ["manager"],
      ids: z.tuple([z.string()]),
      input: z.object({ title: z.string().min(1, "Enter a title") }),
      run: () => answer,
      revalidate: () => [],
    });

  it("tells the browser to drop its draft, by name alone, only once it is saved", async () => {
    actAs(asSession(await makeUser((await makeOrg()).id, "manager")));
    cookiesSet.length = 0;
    const name = draftName("appraisal", "Nq3F22g2-MM0Cj2l")!;
    await save({ ok: true })("x", {}, formData({ title: "", [DRAFT_FIELD]: name }));
    await save({ ok: false, code: "invalid", message: "No" })("x", {}, formData({ title: "Typed", [DRAFT_FIELD]: name }));
    expect(cookiesSet).toEqual([]);
    await save({ ok: true })("x", {}, formData({ title: "Typed", [DRAFT_FIELD]: "appraisal:<script>" }));
    await save({ ok: true })("x", {}, formData({ title: "Typed" }));
    expect(cookiesSet).toEqual([]);
    await save({ ok: true })("x", {}, formData({ title: "Typed", [DRAFT_FIELD]: name }));
    expect(cookiesSet).toEqual([{ name: SAVED_DRAFT_COOKIE, value: name, options: { path: "/", sameSite: "strict", maxAge: 300 } }]);
  });
});
