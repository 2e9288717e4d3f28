import { describe, expect, it } from "vitest";
import { codeFromName, MAX_CODE_LENGTH, numberedCode } from "./reference-code";

describe("a reference value's code made from its name", () => {
  it("is the name's words in lower case joined by hyphens, accents and punctuation dropped", () => {
    expect(codeFromName("Acute inpatient")).toBe("acute-inpatient");
    expect(codeFromName("  Prison healthcare (e2e) ")).toBe("prison-healthcare-e2e");
    expect(codeFromName("Orthoptics & Pleoptics")).toBe("orthoptics-pleoptics");
    expect(codeFromName("Thérapie Café")).toBe("therapie-cafe");
    expect(codeFromName("Band 8a")).toBe("band-8a");
  });
  it("fits 40 characters without ending on a hyphen, and is empty when there is nothing to make it from", () => {
    const long = codeFromName("Hazardous area response team and specialist operations unit");
    expect(long.length).toBeLessThanOrEqual(MAX_CODE_LENGTH);
    expect(long).toBe("hazardous-area-response-team-and");
    expect(codeFromName("— ! —")).toBe("");
  });
  it("is numbered when taken, still within 40 characters", () => {
    expect(numberedCode("community", 1)).toBe("community");
    expect(numberedCode("community", 2)).toBe("community-2");
    expect(numberedCode("a".repeat(40), 12)).toBe(`${"a".repeat(37)}-12`);
    expect(numberedCode(`${"a".repeat(37)}-bc`, 2)).toBe(`${"a".repeat(37)}-2`);
  });
});
