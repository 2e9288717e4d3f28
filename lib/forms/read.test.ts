// Reading forms: hidden characters (control, bidirectional, zero-width) never reach a schema or the database.
import { describe, expect, it } from "vitest";
import { withoutHiddenCharacters } from "../form-text";
import { cleanForm, formObject } from "./read";

describe("hidden characters in what people type", () => {
  it("strips NUL and other control characters, bidirectional overrides and isolates, and zero-width characters", () => {
    expect(withoutHiddenCharacters("Chlo\u0000e")).toBe("Chloe");
    // "Invoice‮fdp.exe" would show reversed; the override goes.
    expect(withoutHiddenCharacters("Invoice\u202Efdp.exe")).toBe("Invoicefdp.exe");
    expect(withoutHiddenCharacters("\u2066Mensah\u2069")).toBe("Mensah");
    expect(withoutHiddenCharacters("Men\u200Bsah\u200D\uFEFF")).toBe("Mensah");
    expect(withoutHiddenCharacters("a\u0007b\u001Bc\u007Fd\u0085e")).toBe("abcde");
    expect(withoutHiddenCharacters("left\u200Eright\u200F")).toBe("leftright");
  });

  it("keeps what people do type: tabs and line breaks, accents, other scripts and emoji", () => {
    const kept = "Line one\r\nLine two\tindented — Zoë Ní Bhriain, Ōsaka, 王芳, مريم, 👍🏽";
    expect(withoutHiddenCharacters(kept)).toBe(kept);
  });

  it("cleans every typed value of a form but passwords, and leaves files alone", () => {
    const form = new FormData();
    form.append("title", "Care\u0000 Certificate\u202E");
    form.append("barriers", "financial\u200B");
    form.append("barriers", "caring");
    form.append("password", "pass\u200Bword");
    form.append("confirm", "pass\u200Bword");
    const file = new File(["a,b\u0000"], "list.csv", { type: "text/csv" });
    form.append("file", file);
    const clean = cleanForm(form);
    expect(formObject(clean, ["barriers"])).toMatchObject({
      title: "Care Certificate",
      barriers: ["financial", "caring"],
      password: "pass\u200Bword",
      confirm: "pass\u200Bword",
    });
    expect(clean.get("file")).toBeInstanceOf(File);
    expect((clean.get("file") as File).name).toBe("list.csv");
  });
});
