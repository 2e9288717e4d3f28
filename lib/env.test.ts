// Demo mode and what a production start needs: a laptop gets the demo with nothing set; an address other people
// reach never gets it unless PATHWAYS_DEMO says so, and a production start needs APP_URL.
import { afterEach, describe, expect, it } from "vitest";
import { demoMode, isLocalAddress, productionStartProblem } from "./env";

const KEYS = ["PATHWAYS_DEMO", "APP_URL"] as const;
const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));

function set(vars: Partial<Record<(typeof KEYS)[number], string>>) {
  for (const k of KEYS) delete process.env[k];
  Object.assign(process.env, vars);
}

afterEach(() => {
  for (const k of KEYS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

describe("demo mode", () => {
  it("is on for a laptop: nothing set, or a local APP_URL", () => {
    set({});
    expect(demoMode()).toBe(true);
    for (const url of ["http://localhost:3000", "http://127.0.0.1:8080", "http://[::1]:3000", "http://pathways.localhost"]) {
      set({ APP_URL: url });
      expect(demoMode(), url).toBe(true);
    }
  });

  it("is off at an address other people reach, unless PATHWAYS_DEMO=1 asks for it", () => {
    set({ APP_URL: "https://pathways.example.nhs.uk" });
    expect(demoMode()).toBe(false);
    set({ APP_URL: "https://pathways.example.nhs.uk", PATHWAYS_DEMO: "1" });
    expect(demoMode()).toBe(true);
    // Not fooled by a name that only starts like a local one.
    set({ APP_URL: "https://localhost.example.com" });
    expect(demoMode()).toBe(false);
    expect(isLocalAddress("https://127.0.0.1.example.com")).toBe(false);
  });

  it("is off when PATHWAYS_DEMO says so, even on a laptop", () => {
    for (const off of ["0", "false", "no", "off"]) {
      set({ PATHWAYS_DEMO: off });
      expect(demoMode(), off).toBe(false);
    }
  });
});

describe("a production start", () => {
  it("needs APP_URL, which every emailed link is built on", () => {
    set({ PATHWAYS_DEMO: "0" });
    expect(productionStartProblem()).toMatch(/^APP_URL is not set/);
    set({ PATHWAYS_DEMO: "0", APP_URL: "https://pathways.example.nhs.uk" });
    expect(productionStartProblem()).toBeUndefined();
    set({ APP_URL: "https://pathways.example.nhs.uk" });
    expect(productionStartProblem()).toBeUndefined();
  });

  it("is not needed for a demonstration", () => {
    set({});
    expect(productionStartProblem()).toBeUndefined();
  });
});
