// The Content-Security-Policy and HSTS decisions: a strict policy with a fresh nonce for every response, no way for
// an inline script or style without it, and HSTS only when APP_URL says Pathways is served over HTTPS.
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, HSTS, newNonce, originOf, responseSecurity, servedOverHttps } from "./security-headers";

/** The policy as directive → its sources. */
function parse(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((d) => {
      const [name, ...sources] = d.trim().split(/\s+/);
      return [name!, sources];
    }),
  );
}

describe("the Content-Security-Policy", () => {
  const policy = parse(contentSecurityPolicy({ nonce: "abc123==", https: false }));

  it("runs only scripts with this response's nonce, and what they load; never inline or eval'd code", () => {
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    for (const sources of policy.values()) {
      expect(sources).not.toContain("'unsafe-inline'");
      expect(sources).not.toContain("'unsafe-eval'");
      expect(sources).not.toContain("'unsafe-hashes'");
      expect(sources.some((s) => s === "*" || s.endsWith(":") || s.includes("*"))).toBe(false);
    }
  });

  it("takes stylesheets from this origin and style elements with the nonce, and no style attributes", () => {
    expect(policy.get("style-src")).toEqual(["'self'", "'nonce-abc123=='"]);
    expect(policy.has("style-src-attr")).toBe(false);
    expect(policy.has("style-src-elem")).toBe(false);
  });

  it("refuses framing, plugins, a <base> element and forms posting elsewhere", () => {
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
  });

  it("lets forms reach the single-sign-on provider, which signing in redirects to, and nothing else", () => {
    const withSso = parse(contentSecurityPolicy({ nonce: "n", https: true, formTargets: ["https://login.microsoftonline.com"] }));
    expect(withSso.get("form-action")).toEqual(["'self'", "https://login.microsoftonline.com"]);
  });

  it("upgrades insecure addresses over HTTPS only: on the plain-http demo it would break every request", () => {
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
    expect(parse(contentSecurityPolicy({ nonce: "n", https: true })).has("upgrade-insecure-requests")).toBe(true);
  });

  it("loosens only for `next dev`, whose React build needs eval and unnonced styles", () => {
    const dev = parse(contentSecurityPolicy({ nonce: "n", https: false, development: true }));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(dev.get("script-src")).not.toContain("'unsafe-inline'");
    expect(dev.get("style-src")).toContain("'unsafe-inline'");
  });
});

describe("the nonce", () => {
  it("is 128 random bits in base64, new every time", () => {
    const nonces = new Set(Array.from({ length: 1000 }, newNonce));
    expect(nonces.size).toBe(1000);
    for (const n of nonces) expect(Buffer.from(n, "base64")).toHaveLength(16);
  });

  it("is in the policy of each response, a different one each time", () => {
    const a = responseSecurity({});
    const b = responseSecurity({});
    expect(a.nonce).not.toBe(b.nonce);
    expect(a.policy).toContain(`'nonce-${a.nonce}'`);
    expect(a.headers["Content-Security-Policy"]).toBe(a.policy);
  });
});

describe("HSTS", () => {
  it("is sent when APP_URL is https", () => {
    expect(servedOverHttps("https://pathways.example.nhs.uk")).toBe(true);
    const { headers, policy } = responseSecurity({ appUrl: "https://pathways.example.nhs.uk" });
    expect(headers["Strict-Transport-Security"]).toBe(HSTS);
    expect(HSTS).toBe("max-age=63072000; includeSubDomains");
    expect(parse(policy).has("upgrade-insecure-requests")).toBe(true);
  });

  it("is not sent on the plain-http demo, nor without APP_URL, nor for an address that is not one", () => {
    for (const appUrl of [undefined, "http://localhost:3000", "http://pathways.example.nhs.uk", "not a url"]) {
      expect(servedOverHttps(appUrl), String(appUrl)).toBe(false);
      expect(responseSecurity({ appUrl }).headers, String(appUrl)).not.toHaveProperty("Strict-Transport-Security");
    }
  });
});

describe("the single-sign-on provider's origin", () => {
  it("is the issuer's scheme, host and port, without its path", () => {
    expect(originOf("https://login.microsoftonline.com/tenant-id/v2.0")).toBe("https://login.microsoftonline.com");
    expect(originOf("http://localhost:5199")).toBe("http://localhost:5199");
    const { policy } = responseSecurity({ ssoIssuer: "https://login.microsoftonline.com/tenant-id/v2.0" });
    expect(parse(policy).get("form-action")).toEqual(["'self'", "https://login.microsoftonline.com"]);
  });

  it("adds nothing for a missing or non-web issuer", () => {
    for (const issuer of [undefined, "", "javascript:alert(1)", "nonsense"]) expect(originOf(issuer), String(issuer)).toBeUndefined();
    expect(parse(responseSecurity({ ssoIssuer: "javascript:alert(1)" }).policy).get("form-action")).toEqual(["'self'"]);
  });
});
