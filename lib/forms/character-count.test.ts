import { describe, expect, it } from "vitest";
import { countCharacters, countMessage, limitMessage } from "./character-count";

describe("a character count", () => {
  it("counts as the schema will: trimmed, each line break as the two characters a browser sends", () => {
    expect(countCharacters("  Falls prevention  ")).toBe(16);
    expect(countCharacters("one\ntwo")).toBe(8);
    expect(countCharacters("one\r\ntwo")).toBe(8);
    expect(countCharacters("")).toBe(0);
  });

  it("says how many are left or how many too many, in words", () => {
    expect(limitMessage(200)).toBe("You can enter up to 200 characters");
    expect(limitMessage(4000)).toBe("You can enter up to 4,000 characters");
    expect(countMessage(0, 200)).toBe("You have 200 characters remaining");
    expect(countMessage(199, 200)).toBe("You have 1 character remaining");
    expect(countMessage(200, 200)).toBe("You have 0 characters remaining");
    expect(countMessage(201, 200)).toBe("You have 1 character too many");
    expect(countMessage(712, 200)).toBe("You have 512 characters too many");
  });
});
