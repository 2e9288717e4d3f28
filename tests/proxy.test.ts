// The proxy: it runs on everything but static files (the icon, robots.txt and Next's assets get through without a
// session), puts a fresh Content-Security-Policy on every response it makes, hands the same policy to the page's
// render (where Next reads the nonce), and sends signed-out visitors to the login page.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { NextRequest, type NextFetchEvent } from "next/server";
import type { Session } from "next-auth";

// next-auth itself needs Next's server runtime: its wrapper here hands the callback the session the test chose, as the
// real one does after decoding the cookie.
const session = vi.hoisted(() => ({ current: null as Session | null }));
vi.mock("next-auth", () => ({
  default: () => ({
    auth: (callback: (req: NextRequest & { auth: Session | null }, ev: unknown) => unknown) => (req: NextRequest, ev: unknown) =>
      callback(Object.assign(req, { auth: session.current }), ev),
  }),
}));

const { config, proxy } = await import("@/proxy");
const { SESSION_HANDOFF_HEADER, handoffValue, readHandoff } = await import("@/lib/session-handoff");

// Next compiles each matcher with path-to-regexp; ours is a single custom group, which reads the same as a RegExp.
const runsOn = (path: string) => config.matcher.some((m) => new RegExp(`^${m}$`).test(path));

describe("the proxy's matcher", () => {
  it("lets static files through without a session", () => {
    for (const path of ["/icon.svg", "/robots.txt", "/favicon.ico", "/_next/static/chunks/app.js", "/_next/image"]) {
      expect(runsOn(path), path).toBe(false);
    }
  });

  it("runs on pages, API routes and downloads, which then need a session or a public path", () => {
    for (const path of ["/", "/workers", "/login", "/admin/frameworks", "/icons", "/api/auth/session", "/workers/export"]) {
      expect(runsOn(path), path).toBe(true);
    }
  });
});

const KEYS = ["APP_URL", "AUTH_MICROSOFT_ENTRA_ID_ID", "AUTH_MICROSOFT_ENTRA_ID_SECRET", "AUTH_MICROSOFT_ENTRA_ID_ISSUER"] as const;
const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));
beforeEach(() => {
  for (const k of KEYS) delete process.env[k];
});
afterEach(() => {
  session.current = null;
  for (const k of KEYS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

async function get(path: string) {
  const res = await proxy(new NextRequest(`http://localhost:3000${path}`), {} as NextFetchEvent);
  if (!res) throw new Error("the proxy answered nothing");
  return res;
}
const signedIn = () => {
  session.current = { sid: "s1", expires: "2099-01-01T00:00:00Z" };
};

describe("the proxy's answer", () => {
  it("lets a signed-in page through with a policy whose nonce the render sees too, fresh each time", async () => {
    signedIn();
    const a = await get("/workers");
    const b = await get("/workers");
    const policy = a.headers.get("content-security-policy")!;
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'/);
    expect(b.headers.get("content-security-policy")).not.toBe(policy);
    // NextResponse.next({ request }) passes the request's new headers to the render this way.
    expect(a.headers.get("x-middleware-next")).toBe("1");
    expect(a.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
    const nonce = a.headers.get("x-middleware-request-x-nonce")!;
    expect(policy).toContain(`'nonce-${nonce}'`);
    expect(a.headers.get("strict-transport-security")).toBeNull();
  });

  it("sends a signed-out visitor to the login page, and the redirect carries the policy too", async () => {
    const res = await get("/workers?team=a");
    expect(res.status).toBe(307);
    const to = new URL(res.headers.get("location")!);
    expect(to.pathname).toBe("/login");
    // A path, so the browser stays on the host it used.
    expect(to.searchParams.get("callbackUrl")).toBe("/workers?team=a");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("lets a signed-out server action through to answer for itself, with the page it came from", async () => {
    // The action's own check sends the page to sign in and back; the proxy's redirect would send the action's POST to
    // the login page, which has no such action ("there is a problem with the service").
    const res = await proxy(
      new NextRequest("http://localhost:3000/workers/abc/appraisals/def", { method: "POST", headers: { "next-action": "7f00" } }),
      {} as NextFetchEvent,
    );
    expect(res!.headers.get("x-middleware-next")).toBe("1");
    expect(res!.headers.get("x-middleware-request-x-pathways-return-to")).toBe("/workers/abc/appraisals/def");
    // A form sent before the page's JavaScript ran posts natively, without Next's header: the same.
    const plain = await proxy(new NextRequest("http://localhost:3000/workers/abc/cpd", { method: "POST" }), {} as NextFetchEvent);
    expect(plain!.headers.get("x-middleware-next")).toBe("1");
  });

  it("passes on the page each request is for, whatever the client claimed", async () => {
    signedIn();
    const res = await proxy(
      new NextRequest("http://localhost:3000/insights?team=a&_rsc=abc", { headers: { "x-pathways-return-to": "https://evil.example/" } }),
      {} as NextFetchEvent,
    );
    expect(res!.headers.get("x-middleware-request-x-pathways-return-to")).toBe("/insights?team=a");
  });

  it("hands the page the session it decoded, signed, and never a client's own claim to one", async () => {
    const savedSecret = process.env.AUTH_SECRET;
    process.env.AUTH_SECRET = "a-test-secret-for-the-handoff-0123456789";
    try {
      session.current = { sid: "s_1-A", sv: 3, expires: "2099-01-01T00:00:00Z" };
      const handed = (await get("/workers")).headers.get(`x-middleware-request-${SESSION_HANDOFF_HEADER}`);
      expect(readHandoff(handed, process.env.AUTH_SECRET)).toEqual({ sid: "s_1-A", sv: 3 });
      // Another secret, a changed version or session, or a truncated signature: nothing.
      expect(readHandoff(handed, "another-secret-entirely-0123456789abcdef")).toBeNull();
      expect(readHandoff(handed!.replace(".3.", ".4."), process.env.AUTH_SECRET)).toBeNull();
      expect(readHandoff(handed!.replace("s_1-A", "s_1-B"), process.env.AUTH_SECRET)).toBeNull();
      expect(readHandoff(handed!.slice(0, -1), process.env.AUTH_SECRET)).toBeNull();
      expect(readHandoff(handoffValue({ sid: "s_1-A", sv: 3 }, process.env.AUTH_SECRET), undefined)).toBeNull();

      // Signed out, a client that sends a value of its own (even a once-valid one) has it removed before the page.
      session.current = null;
      for (const path of ["/api/session", "/workers/abc/cpd"]) {
        const res = await proxy(
          new NextRequest(`http://localhost:3000${path}`, { method: path === "/api/session" ? "GET" : "POST", headers: { [SESSION_HANDOFF_HEADER]: handed! } }),
          {} as NextFetchEvent,
        );
        expect(res!.headers.get("x-middleware-next"), path).toBe("1");
        expect(res!.headers.get(`x-middleware-request-${SESSION_HANDOFF_HEADER}`), path).toBeNull();
        expect(res!.headers.get("x-middleware-override-headers"), path).not.toContain(SESSION_HANDOFF_HEADER);
      }
    } finally {
      if (savedSecret === undefined) delete process.env.AUTH_SECRET;
      else process.env.AUTH_SECRET = savedSecret;
    }
  });

  it("lets a signed-out visitor reach the public pages and the sign-in API, with the policy", async () => {
    for (const path of ["/login", "/login/forgotten-password", "/api/auth/session", "/api/session", "/set-password/abc", "/accessibility", "/privacy"]) {
      const res = await get(path);
      expect(res.headers.get("x-middleware-next"), path).toBe("1");
      expect(res.headers.get("content-security-policy"), path).toContain("object-src 'none'");
    }
  });

  it("adds HSTS when APP_URL is https, whatever the request says about its scheme", async () => {
    signedIn();
    expect((await get("/workers")).headers.get("strict-transport-security")).toBeNull();
    process.env.APP_URL = "https://pathways.example.nhs.uk";
    const res = await get("/workers");
    expect(res.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    expect(res.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
    process.env.APP_URL = "http://localhost:3000";
    const forwarded = await proxy(
      new NextRequest("http://localhost:3000/workers", { headers: { "x-forwarded-proto": "https" } }),
      {} as NextFetchEvent,
    );
    expect(forwarded!.headers.get("strict-transport-security")).toBeNull();
  });

  it("lets sign-in forms reach the single-sign-on provider when it is set up", async () => {
    Object.assign(process.env, {
      AUTH_MICROSOFT_ENTRA_ID_ID: "id",
      AUTH_MICROSOFT_ENTRA_ID_SECRET: "secret",
      AUTH_MICROSOFT_ENTRA_ID_ISSUER: "https://login.microsoftonline.com/tenant/v2.0",
    });
    const res = await get("/login");
    expect(res.headers.get("content-security-policy")).toContain("form-action 'self' https://login.microsoftonline.com;");
  });
});
