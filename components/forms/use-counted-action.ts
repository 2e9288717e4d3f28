"use client";
// useActionState for a form that stays on the page after saving: each answer is counted, so a form keyed on the count
// remounts with the values the action sent back (React resets a form after its action), and starts empty after a save.
import { useActionState } from "react";
import { initialFormState, type FormState } from "@/lib/forms/state";

export type FormAction = (prev: FormState, form: FormData) => Promise<FormState>;
export type Counted = FormState & { n?: number };

export function useCountedAction(action: FormAction) {
  return useActionState<Counted, FormData>(async (prev, form) => ({ ...(await action(prev, form)), n: (prev.n ?? 0) + 1 }), initialFormState);
}

/** The values to show: what was sent back after a failure, nothing after a save. */
export function returnedValues(state: Counted): Record<string, string> {
  return state.ok ? {} : (state.values ?? {});
}
