// The "saved" line under a form that stays on the page, and field errors renamed to one form's own ids (so that two
// forms of the same kind on one page, one per item, never share an id).
import type { FormState } from "@/lib/forms/state";

export function SavedStatus({ state }: { state: FormState }) {
  return (
    <p role="status" className="mt-2 font-semibold">
      {state.ok ? state.message : ""}
    </p>
  );
}

export function prefixedErrors(prefix: string, errors: Record<string, string> | undefined) {
  if (!errors) return undefined;
  return Object.fromEntries(Object.entries(errors).map(([k, m]) => [`${prefix}-${k}`, m]));
}
