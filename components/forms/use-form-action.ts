"use client";
// The one hook every form uses: useActionState, what the error summary shows, what the fields show, and the key that
// remounts the form after each answer so that uncontrolled fields take those values as their defaultValue (React
// resets a form once its action has run, back to the defaults it was rendered with).
import { useActionState, useState, type FormEvent } from "react";
import { initialFormState, submittedLists, submittedValues, type FormState, type LinkFormState } from "@/lib/forms/state";
import { withDraft } from "@/lib/forms/drafts";
import { useDraft } from "./drafts";

// The forms take these types from here, so that the hook is the one client module that knows where they live.
export type { FormState, LinkFormState };

export type FormAction<S extends FormState = FormState> = (prev: S, form: FormData) => Promise<S>;

type Options = {
  /** What the fields show before any answer, and after a save that sends no values back (the page's data). */
  defaults?: Record<string, string>;
  /** The same for fields sent more than once (a group of checkboxes). */
  defaultLists?: Record<string, string[]>;
  /**
   * A long form keeps what is typed as a draft in the browser under this name (lib/forms/drafts.ts draftName) until
   * it is saved, and puts it back if the form is opened again unsaved. The form renders `<DraftNotice draft={draft} />`.
   */
  draft?: string;
};

export type Typed = { values: Record<string, string>; lists: Record<string, string[]> };

const NOTHING_TYPED: Typed = { values: {}, lists: {} };
const NO_VALUES: Record<string, string> = {};
const NO_LISTS: Record<string, string[]> = {};

// Each answer is a new object, so numbering answers by identity gives a key that changes with every answer (even one
// that repeats what was typed) and stays put between renders.
const answerNumbers = new WeakMap<object, number>();
let answersSeen = 0;
/** The form's key for an answer: 0 before any, then a new number with every answer. */
export function formKey(state: FormState): number {
  if (state === initialFormState) return 0;
  let n = answerNumbers.get(state);
  if (n === undefined) {
    n = ++answersSeen;
    answerNumbers.set(state, n);
  }
  return n;
}

/** What the fields show: what came back, or else what was typed, after a failure; otherwise what came back or the defaults. */
export function fieldsToShow(state: FormState, typed: Typed, defaults: Typed): Typed {
  const failed = state.ok === false;
  return {
    values: state.values ?? (failed ? typed.values : defaults.values),
    lists: state.lists ?? (failed ? typed.lists : defaults.lists),
  };
}

export function useFormAction<S extends FormState = FormState>(
  action: FormAction<S>,
  { defaults = NO_VALUES, defaultLists = NO_LISTS, draft: draftName }: Options = {},
) {
  // The action goes to useActionState as it is, so a form sent before the page has hydrated still reaches the server.
  const [state, formAction, pending] = useActionState<S, FormData>(action, initialFormState as Awaited<S>);
  // What was typed, read as the form is sent: a failure that does not send the values back still keeps them.
  const [typed, setTyped] = useState<Typed>(NOTHING_TYPED);
  const draft = useDraft(draftName, state, state === initialFormState);
  const failed = state.ok === false;
  const errors = state.fieldErrors;
  const shown = { values: defaults, lists: defaultLists };
  const { values, lists } = fieldsToShow(state, typed, draft.restored ? withDraft(shown, draft.restored) : shown);
  return {
    state,
    pending,
    /** Spread on the <form>: the action, the submit handler that keeps what was typed, and the draft's listeners. */
    formProps: {
      action: formAction,
      ref: draft.formProps.ref,
      onChange: draft.formProps.onChange,
      onSubmit: (event: FormEvent<HTMLFormElement>) => {
        const form = new FormData(event.currentTarget);
        setTyped({ values: submittedValues(form), lists: submittedLists(form) });
        draft.formProps.onSubmit(event);
      },
    },
    /** The form's key: a new one with every answer (and when a draft is put back), so the fields take `values` and `lists` afresh. */
    key: draft.restored ? `${formKey(state)}-draft` : formKey(state),
    /** The draft this form keeps, for `<DraftNotice>`. */
    draft: draft.info,
    /** What the fields show, as their defaultValue: see fieldsToShow. */
    values,
    lists,
    errors,
    /** The error summary's props: the field messages, or the form's message when no field is at fault. */
    summary: { errors, message: failed && !errors ? state.message : undefined },
    /** The message of a refusal, for a form without fields (a single button). */
    refusal: failed ? state.message : undefined,
  };
}
