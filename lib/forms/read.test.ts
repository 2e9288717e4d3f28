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

describe("dates typed as day, month and year", () => {
  const form = (entries: [string, string][]) => {
    const f = new FormData();
    for (const [k, v] of entries) f.append(k, v);
    return f;
  };

  it("are read under the date's own name, as the ISO date when real, with the typed parts kept", () => {
    const clean = cleanForm(form([["targetDate-day", " 29 "], ["targetDate-month", "2"], ["targetDate-year", "2028"], ["title", "Falls"]]));
    expect(formObject(clean)).toEqual({ "targetDate-day": " 29 ", "targetDate-month": "2", "targetDate-year": "2028", targetDate: "2028-02-29", title: "Falls" });
  });

  it("pass an impossible or unfinished date on as typed, so its schema can say what is wrong, and blank as blank", () => {
    expect(cleanForm(form([["d-day", "31"], ["d-month", "2"], ["d-year", "2026"]])).get("d")).toBe("31/2/2026");
    expect(cleanForm(form([["d-day", ""], ["d-month", "3"], ["d-year", "26"]])).get("d")).toBe("/3/26");
    expect(cleanForm(form([["d-day", ""], ["d-month", ""], ["d-year", ""]])).get("d")).toBe("");
  });

  it("join row by row when a date repeats, and replace anything sent under the date's name", () => {
    const clean = cleanForm(
      form([["due", "1999-01-01"], ["due-day", "1"], ["due-month", "5"], ["due-year", "2027"], ["due-day", ""], ["due-month", ""], ["due-year", ""], ["due-day", "31"], ["due-month", "4"], ["due-year", "2027"]]),
    );
    expect(clean.getAll("due")).toEqual(["2027-05-01", "", "31/4/2027"]);
  });

  it("leave a name ending in -day alone unless its month and year are sent too", () => {
    const clean = cleanForm(form([["half-day", "yes"]]));
    expect(formObject(clean)).toEqual({ "half-day": "yes" });
  });
});
