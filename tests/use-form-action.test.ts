// The pure parts of useFormAction: the remount key for each answer, and what the fields show after it.
import { describe, expect, it } from "vitest";
import { fieldsToShow, formKey, type Typed } from "@/components/forms/use-form-action";
import { initialFormState } from "@/lib/forms/state";

const typed: Typed = { values: { title: "What I typed" }, lists: { barriers: ["financial"] } };
const defaults: Typed = { values: { title: "From the record" }, lists: { barriers: ["time"] } };

describe("the form's remount key", () => {
  it("is 0 before any answer, and a new number for every answer, even one equal to the last", () => {
    expect(formKey(initialFormState)).toBe(0);
    const first = { ok: false, message: "There is a problem" };
    const second = { ok: false, message: "There is a problem" };
    expect(formKey(first)).toBeGreaterThan(0);
    expect(formKey(second)).not.toBe(formKey(first));
    expect(formKey(first)).toBe(formKey(first));
  });
});

describe("what the fields show", () => {
  it("before any answer: the defaults", () => {
    expect(fieldsToShow(initialFormState, typed, defaults)).toEqual(defaults);
  });
  it("after a failure that sends back what was typed: that", () => {
    const state = { ok: false, values: { title: "Sent back" }, lists: { barriers: [] } };
    expect(fieldsToShow(state, typed, defaults)).toEqual({ values: { title: "Sent back" }, lists: { barriers: [] } });
  });
  it("after a failure that sends nothing back: what was typed, never the record's values", () => {
    expect(fieldsToShow({ ok: false, message: "Not allowed" }, typed, defaults)).toEqual(typed);
  });
  it("after a save: the defaults (the page's fresh data), unless the answer carries values (a row added)", () => {
    expect(fieldsToShow({ ok: true, message: "Saved" }, typed, defaults)).toEqual(defaults);
    expect(fieldsToShow({ ok: true, values: { title: "Kept" } }, typed, defaults)).toEqual({ values: { title: "Kept" }, lists: defaults.lists });
  });
});
