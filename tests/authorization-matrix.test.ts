// The authorization matrix: every exported server action and route handler in app/, against every role and against
// nobody signed in. The table says who may run each; the test finds every export itself, so an action or handler
// missing from the table fails, as does one whose first check differs from the table or lets a role through that the
// table leaves out. A role left out gets 404 from that first check, before anything is read or written; nobody signed
// in is sent to sign in. Which records a permitted role may then touch (own record, own team, organisation) is the
// data layer's WHERE clause (db/access.ts), tested with real records in each feature's tests and separation.test.ts.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { newId } from "@/db/schema/_shared";
import { ROLES, type Role } from "@/lib/vocabulary";
import { MATRIX, type Who } from "./support/authorization-table";
import { asSession, makeOrg, makeUser } from "./support/factory";
import { actAs, formData, NOT_FOUND, roleChecks } from "./support/auth-mock";

vi.mock("@/lib/auth", () => import("./support/auth-mock"));
vi.mock("next/cache", () => import("./support/next-cache-mock"));

/** Every file in app/ that Next.js serves as actions or a route handler. */
function serverFiles(dir: string, found: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) serverFiles(path, found);
    else if (entry.name === "route.ts" || (/\.tsx?$/.test(entry.name) && /^["']use server["'];/m.test(readFileSync(path, "utf8")))) found.push(path);
  }
  return found;
}

const FILES = serverFiles("app").map((p) => relative(".", p)).sort();
/** Auth.js's own handlers: not importable outside Next.js, and public by nature. Its exports are read from the source. */
const AUTH_JS = "app/api/auth/[...nextauth]/route.ts";

async function exportsOf(file: string): Promise<Record<string, (...args: unknown[]) => Promise<unknown>>> {
  if (file === AUTH_JS) {
    const names = /export const \{ ([^}]+) \}/.exec(readFileSync(file, "utf8"))![1]!.split(",").map((n) => n.trim());
    return Object.fromEntries(names.map((n) => [n, async () => undefined]));
  }
  const mod = (await import(/* @vite-ignore */ `../${file}`)) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(mod).filter(([, v]) => typeof v === "function")) as never;
}

/**
 * Runs an export as `who` with made-up ids (or the ones given) and an empty form (or the one given); returns the first
 * auth check it made and what it threw.
 */
async function run(file: string, fn: (...args: unknown[]) => Promise<unknown>, who: Role | null, bad?: { ids: unknown[]; form: FormData }) {
  actAs(who ? asSession(await makeUser((await makeOrg()).id, who)) : null);
  roleChecks.length = 0;
  const ids = bad?.ids ?? [newId(), newId(), newId()];
  let error: unknown;
  try {
    if (file.endsWith("route.ts")) await fn(new Request("http://pathways.test/x"), { params: Promise.resolve({ measure: "x", batchId: ids[0] }) });
    else await fn(...ids, {}, bad?.form ?? formData({}));
  } catch (e) {
    error = e;
  }
  return { check: roleChecks[0], error, message: error instanceof Error ? error.message : "" };
}

/** Bound ids a tampered page could send: none of them may get further than a 404, and none may cause a 500. */
const BAD_IDS: unknown[][] = [
  [],
  ["' or 1=1 --", "' or 1=1 --", "' or 1=1 --"],
  ["../../etc/passwd", "%00", "\u202e"],
  ["x".repeat(100_000), "x".repeat(100_000), "x".repeat(100_000)],
  [42, null, { id: 1 }],
  [["a", "b"], true, undefined],
];

/** A form no page sends: every field a form might read, filled with what an attacker would try. */
function badForm(): FormData {
  const form = new FormData();
  const junk = ["\u0000", "x".repeat(100_000), "<script>alert(1)</script>", "-1", "9999-99-99", "NaN", "\u202egnp.exe"];
  for (const name of ["name", "title", "date", "heldOn", "status", "role", "email", "hours", "password", "reason", "comment", "teamId", "workerId"]) {
    for (const value of junk) form.append(name, value);
  }
  return form;
}

const sameRoles = (a: readonly Role[] | "signed_in", b: Who) => Array.isArray(a) && Array.isArray(b) && [...a].sort().join() === [...b].sort().join();

describe("authorization matrix", () => {
  it("lists every exported server action and route handler, and nothing that is not one", async () => {
    const found: string[] = [];
    for (const file of FILES) for (const name of Object.keys(await exportsOf(file))) found.push(`${file}#${name}`);
    const listed = Object.entries(MATRIX).flatMap(([file, names]) => Object.keys(names).map((name) => `${file}#${name}`));
    expect(found.sort()).toEqual(listed.sort());
  }, 60_000);

  it("refuses every role the table leaves out with 404 at the first check, and sends the signed-out to sign in", async () => {
    const cells = { total: 0, allowed: 0, refused: 0, public: 0 };
    for (const file of FILES) {
      for (const [name, fn] of Object.entries(await exportsOf(file))) {
        const where = `${file}#${name}`;
        const who = MATRIX[file]?.[name];
        if (who === undefined) throw new Error(`${where} is not in the authorization matrix`);
        if (who === "public") {
          cells.total += ROLES.length + 1;
          cells.public += ROLES.length + 1;
          continue;
        }
        const signedOut = await run(file, fn, null);
        expect(signedOut.check, where).toMatchObject({ passed: false });
        expect(signedOut.message, where).toBe("NEXT_REDIRECT");
        cells.total += 1;
        cells.refused += 1;
        for (const role of ROLES) {
          const { check, message } = await run(file, fn, role);
          expect(check, `${where} as ${role}`).toBeDefined();
          if (who === "signed_in") expect(check!.roles, where).toBe("signed_in");
          else expect(sameRoles(check!.roles, who), `${where} checks ${String(check!.roles)}`).toBe(true);
          const allowed = who === "signed_in" || who.includes(role);
          expect(check!.passed, `${where} as ${role}`).toBe(allowed);
          if (!allowed) expect(message, `${where} as ${role}`).toMatch(NOT_FOUND);
          cells.total += 1;
          cells[allowed ? "allowed" : "refused"] += 1;
        }
      }
    }
    // The figures docs/security.md reports; printed so a change to them is seen.
    console.info(`authorization matrix: ${cells.total} cells, ${cells.allowed} allowed, ${cells.refused} refused, ${cells.public} public`);
    expect(cells.allowed + cells.refused + cells.public).toBe(cells.total);
  }, 120_000);

  it("answers tampered ids and forms, sent by a role the action allows, with 404 or the form's own errors, never a crash", async () => {
    const outcomes = { tried: 0, notFound: 0, formErrors: 0, redirected: 0 };
    for (const file of FILES.filter((f) => !f.endsWith("route.ts"))) {
      for (const [name, fn] of Object.entries(await exportsOf(file))) {
        const who = MATRIX[file]![name]!;
        if (who === "public") continue;
        const role = who === "signed_in" ? "manager" : who[who.length - 1]!;
        for (const ids of BAD_IDS) {
          const { error, message } = await run(file, fn, role, { ids, form: badForm() });
          const where = `${file}#${name} with ids ${JSON.stringify(ids).slice(0, 60)}`;
          outcomes.tried += 1;
          if (error === undefined) outcomes.formErrors += 1;
          else if (NOT_FOUND.test(message)) outcomes.notFound += 1;
          // Signing in again with Microsoft sends the browser to the provider, whatever came back as the page to return to.
          else if (message === "NEXT_REDIRECT" && name === "signInAgainWithMicrosoft") outcomes.redirected += 1;
          else expect.fail(`${where} threw ${message.slice(0, 200)}`);
        }
      }
    }
    console.info(
      `tampered payloads: ${outcomes.tried} tried, ${outcomes.notFound} got 404, ${outcomes.formErrors} got the form's errors, ${outcomes.redirected} sent to the provider, 0 crashed`,
    );
    expect(outcomes.notFound + outcomes.formErrors + outcomes.redirected).toBe(outcomes.tried);
  }, 180_000);
});
