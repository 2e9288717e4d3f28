// Which sign-offs a worker's competencies page flags as expiring soon.
import { describe, expect, it } from "vitest";
import { EXPIRING_SOON_DAYS, isExpiringSoon } from "./competencies";

const signedOff = (expiresOn: string | null) => ({ status: "signed_off" as const, expiresOn });

describe("a sign-off expiring soon", () => {
  it("is one lapsing within the window, counting its last day, from 29 February", () => {
    expect(EXPIRING_SOON_DAYS).toBe(60);
    expect(isExpiringSoon(signedOff("2028-02-29"), "2028-02-29")).toBe(true);
    expect(isExpiringSoon(signedOff("2028-04-29"), "2028-02-29")).toBe(true);
    expect(isExpiringSoon(signedOff("2028-04-30"), "2028-02-29")).toBe(false);
  });
  it("counts across the turn of the year and a February of 28 days, from 31 December", () => {
    expect(isExpiringSoon(signedOff("2027-03-01"), "2026-12-31")).toBe(true);
    expect(isExpiringSoon(signedOff("2027-03-02"), "2026-12-31")).toBe(false);
  });
  it("is never a sign-off that does not expire, nor a statement not signed off", () => {
    expect(isExpiringSoon(signedOff(null), "2026-12-31")).toBe(false);
    expect(isExpiringSoon({ status: "expired", expiresOn: "2026-12-30" }, "2026-12-31")).toBe(false);
    expect(isExpiringSoon({ status: "evidence_added", expiresOn: "2027-01-15" }, "2026-12-31")).toBe(false);
  });
});
