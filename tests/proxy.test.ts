// The proxy sends signed-out visitors to the login page; the icon, robots.txt and Next's assets must get through.
import { describe, expect, it, vi } from "vitest";
import { config } from "@/proxy";

// Only the matcher is under test: next-auth itself needs Next's server runtime.
vi.mock("next-auth", () => ({ default: () => ({ auth: () => undefined }) }));

// Next compiles each matcher with path-to-regexp; ours is a single custom group, which reads the same as a RegExp.
const runsOn = (path: string) => config.matcher.some((m) => new RegExp(`^${m}$`).test(path));

describe("the proxy's matcher", () => {
  it("lets static files through without a session", () => {
    for (const path of ["/icon.svg", "/robots.txt", "/favicon.ico", "/_next/static/chunks/app.js", "/_next/image"]) {
      expect(runsOn(path), path).toBe(false);
    }
  });

  it("runs on pages, which then need a session or a public path", () => {
    for (const path of ["/", "/workers", "/login", "/admin/frameworks", "/icons"]) expect(runsOn(path), path).toBe(true);
  });
});
