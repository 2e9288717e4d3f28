// The security headers on every kind of response the app makes, fetched over HTTP from the built app: a page, the
// 404 page, an API route, CSV downloads and the redirect to the login page each carry a Content-Security-Policy with
// a nonce of their own, and the fixed headers from next.config.js; a page's scripts carry its nonce. The demo is
// plain http on localhost, so no HSTS there; a second server whose APP_URL is https sends it.
import { request as playwrightRequest, type APIRequestContext, type APIResponse } from "@playwright/test";
import { test, expect } from "./support/test";
import { storageState } from "./support/roles";
import { HTTPS_SETTINGS_PORT, originOf } from "./support/ports";
import { serverEnv, startServer, stopServer } from "./support/trust";

const FIXED = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "same-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=()",
};

/** The response's nonce, after checking its policy is the strict one and the fixed headers are there. */
function checkHeaders(response: APIResponse, what: string, https = false): string {
  const headers = response.headers();
  const policy = headers["content-security-policy"];
  expect(policy, `${what}: Content-Security-Policy`).toBeDefined();
  const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)' 'strict-dynamic';/.exec(policy!)?.[1];
  expect(nonce, `${what}: a script nonce in ${policy}`).toBeDefined();
  expect(policy, what).toContain(`style-src 'self' 'nonce-${nonce}';`);
  for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "default-src 'self'"]) {
    expect(policy, `${what}: ${directive}`).toContain(directive);
  }
  expect(policy, what).toMatch(/form-action 'self'( http:\/\/localhost:\d+)?;/);
  expect(policy, what).not.toMatch(/unsafe-inline|unsafe-eval/);
  for (const [name, value] of Object.entries(FIXED)) expect(headers[name], `${what}: ${name}`).toBe(value);
  if (https) {
    expect(headers["strict-transport-security"], `${what}: HSTS`).toBe("max-age=63072000; includeSubDomains");
    expect(policy, what).toMatch(/; upgrade-insecure-requests$/);
  } else {
    expect(headers["strict-transport-security"], `${what}: no HSTS over plain http`).toBeUndefined();
    expect(policy, what).not.toContain("upgrade-insecure-requests");
  }
  return nonce!;
}

let lead: APIRequestContext;
let visitor: APIRequestContext;
test.beforeEach(async ({ baseURL }) => {
  lead = await playwrightRequest.newContext({ baseURL, storageState: storageState("lead") });
  visitor = await playwrightRequest.newContext({ baseURL });
});
test.afterEach(async () => {
  await lead.dispose();
  await visitor.dispose();
});

test("every kind of response carries the policy with a nonce of its own, and the other security headers", async ({ baseURL }) => {
  const responses: [string, APIResponse, { status: number; type?: string }][] = [
    ["a page", await lead.get("/workers"), { status: 200, type: "text/html" }],
    ["the login page", await visitor.get("/login"), { status: 200, type: "text/html" }],
    ["the 404 page", await lead.get("/no-such-page"), { status: 404, type: "text/html" }],
    ["an API route", await visitor.get("/api/auth/session"), { status: 200, type: "application/json" }],
    ["another API route", await visitor.get("/api/auth/csrf"), { status: 200, type: "application/json" }],
    ["the workers CSV", await lead.get("/workers/export"), { status: 200, type: "text/csv" }],
    ["an insights CSV", await lead.get("/insights/csv"), { status: 200, type: "text/csv" }],
    ["the redirect to the login page", await visitor.get("/workers", { maxRedirects: 0 }), { status: 307 }],
    // A client cannot talk the server into HSTS (or anything else) by claiming https.
    ["a page asked for as if over https", await lead.get("/insights", { headers: { "x-forwarded-proto": "https" } }), { status: 200, type: "text/html" }],
  ];
  const nonces = new Set<string>();
  for (const [what, response, expected] of responses) {
    expect(response.status(), what).toBe(expected.status);
    if (expected.type) expect(response.headers()["content-type"], what).toContain(expected.type);
    nonces.add(checkHeaders(response, what));
  }
  expect(nonces.size, "a fresh nonce for every response").toBe(responses.length);
  const redirect = responses.find(([what]) => what === "the redirect to the login page")![1];
  expect(new URL(redirect.headers()["location"]!, baseURL).pathname).toBe("/login");
});

test("a page's scripts carry its response's nonce, and the same page asked again gets another", async () => {
  for (const path of ["/workers", "/no-such-page"]) {
    const first = await lead.get(path);
    const again = await lead.get(path);
    const nonce = checkHeaders(first, path);
    expect(checkHeaders(again, path)).not.toBe(nonce);
    const html = await first.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length, `${path}: scripts`).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
    // Nothing styled by attribute: the policy would refuse it.
    expect(html, path).not.toMatch(/<[a-z][^>]*\sstyle="/);
  }
});

test("the browser enforces the policy, and every spec's watcher (e2e/support/test.ts) hears each refusal", async ({ page, policyViolations }) => {
  await page.goto("/login");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // What injected markup would try: an event-handler attribute, a string run as code, a <style> element and a style
  // attribute. Run from a timer, not from Playwright's evaluate, whose own code the DevTools protocol exempts from the
  // policy. (A <script> element made with createElement is allowed by 'strict-dynamic' by design: that is the app's
  // own code loading more; markup injected into the page is what the policy stops.)
  await page.evaluate(() => {
    setTimeout(() => {
      const injected = document.createElement("div");
      injected.innerHTML = `<img alt="" src="/icon.svg" onload="document.body.dataset.handler = 'ran'"><style>body { display: none }</style>`;
      document.body.append(injected);
      try {
        new Function("document.body.dataset.evaluated = 'ran'")();
      } catch {
        document.body.dataset.evaluated = "refused";
      }
      document.body.setAttribute("style", "visibility: hidden");
      document.body.dataset.done = "yes";
    }, 0);
  });
  await expect(page.locator("body")).toHaveAttribute("data-done", "yes");
  await expect(page.locator("body img[src='/icon.svg']")).toHaveJSProperty("complete", true);
  const body = () => page.evaluate(() => ({ ...document.body.dataset, display: getComputedStyle(document.body).display, visibility: getComputedStyle(document.body).visibility }));
  expect(await body()).toEqual({ done: "yes", evaluated: "refused", display: "block", visibility: "visible" });
  const heard = () => new Set(policyViolations.map((v) => /Content-Security-Policy violation: ([a-z-]+) refused/.exec(v)?.[1]));
  await expect.poll(() => [...heard()].sort()).toEqual(["script-src", "script-src-attr", "style-src-attr", "style-src-elem"]);
  // Heard, as they were meant to be: closed so that no late report reaches the watcher, then cleared.
  await page.close();
  policyViolations.length = 0;
});

test("served at an https address (APP_URL), every response also carries HSTS", async ({ trust }) => {
  const env = { ...serverEnv({ port: HTTPS_SETTINGS_PORT, dbPath: trust.dbPath, kind: trust.kind, today: trust.today }), APP_URL: "https://pathways.example.nhs.uk" };
  const server = await startServer(env);
  const https = await playwrightRequest.newContext({ baseURL: originOf(HTTPS_SETTINGS_PORT) });
  try {
    const responses: [string, APIResponse, number][] = [
      ["the login page", await https.get("/login"), 200],
      ["an API route", await https.get("/api/auth/csrf"), 200],
      ["the redirect to the login page", await https.get("/workers/export", { maxRedirects: 0 }), 307],
    ];
    for (const [what, response, status] of responses) {
      expect(response.status(), what).toBe(status);
      checkHeaders(response, what, true);
    }
  } finally {
    await https.dispose();
    await stopServer(server);
  }
});
