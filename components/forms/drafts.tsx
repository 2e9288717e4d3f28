"use client";
// Drafts of long forms in the browser (decision record 0023): the signed-in layout hands each person their draft keys
// (DraftsProvider); a form that keeps a draft (useFormAction's `draft` option) seals what is typed into localStorage
// as it is typed, puts it back when the form is opened again unsaved (after a session ended, a closed tab, a crash),
// and drops it once the server says it was saved (the cookie lib/action.ts sets). Signing out drops the person's drafts.
import { createContext, useCallback, useContext, useEffect, useRef, useState, type FormEvent } from "react";
import { usePathname } from "next/navigation";
import {
  DRAFT_FIELD,
  SAVED_DRAFT_COOKIE,
  canKeepDrafts,
  forgetDraftsOf,
  isDraftName,
  openDraft,
  pruneDrafts,
  sameTyped,
  sealDraft,
  storageKeyFor,
  type DraftContent,
  type DraftKeys,
  type DraftStorage,
  type Typed,
} from "@/lib/forms/drafts";

const DraftsContext = createContext<DraftKeys | null>(null);

function storage(): DraftStorage | null {
  try {
    return window.localStorage;
  } catch {
    // Storage switched off: no drafts, and nothing else changes.
    return null;
  }
}

// Every write goes through one queue, so a draft dropped after a save is never overtaken by that save.
let queue: Promise<unknown> = Promise.resolve();
function enqueue<T>(work: () => Promise<T> | T): Promise<T> {
  const next = queue.then(work, work);
  queue = next.catch(() => undefined);
  return next;
}

/** Saves waiting out the pause after a keystroke. */
const waiting = new Set<() => void>();

/** Writes every draft waiting to be written, and waits until they are: before the page leaves for the login page. */
export async function flushDrafts(): Promise<void> {
  for (const write of [...waiting]) write();
  await queue;
}

function takeSavedDraftCookie(): string | undefined {
  const prefix = `${SAVED_DRAFT_COOKIE}=`;
  const raw = document.cookie.split("; ").find((c) => c.startsWith(prefix));
  if (!raw) return undefined;
  document.cookie = `${SAVED_DRAFT_COOKIE}=; path=/; max-age=0; samesite=strict`;
  try {
    const name = decodeURIComponent(raw.slice(prefix.length));
    return isDraftName(name) ? name : undefined;
  } catch {
    return undefined;
  }
}

/** Drops the draft the server last said was saved (lib/action.ts); answers its name. */
function dropSavedDraft(keys: DraftKeys): Promise<string | undefined> {
  const name = takeSavedDraftCookie();
  if (!name) return Promise.resolve(undefined);
  return enqueue(async () => {
    storage()?.removeItem(await storageKeyFor(keys, name));
    return name;
  });
}

/** In the signed-in layout: the person's draft keys for the forms below, and housekeeping on every page. */
export function DraftsProvider({ keys, children }: { keys: DraftKeys | null; children: React.ReactNode }) {
  const pathname = usePathname();
  useEffect(() => {
    if (!keys || !canKeepDrafts()) return;
    const store = storage();
    if (store) pruneDrafts(store, Date.now());
    void dropSavedDraft(keys);
  }, [keys, pathname]);
  return <DraftsContext value={keys}>{children}</DraftsContext>;
}

/** Signing out: the person's drafts go with them, so the next person at this computer finds none of theirs. */
export function useForgetDrafts(): () => void {
  const keys = useContext(DraftsContext);
  return useCallback(() => {
    const store = storage();
    if (keys && store) forgetDraftsOf(store, keys);
  }, [keys]);
}

const SKIPPED_INPUTS = new Set(["hidden", "password", "file", "submit", "button", "reset", "image"]);

/** What a form holds now, read the way submittedValues and submittedLists read a sent form; no hidden fields or passwords. */
/**
 * What the form holds: what is in its fields now, or (`rendered`) what the page put in them, read from the fields'
 * default values, so text typed before the page could keep drafts still counts as typed.
 */
export function typedIn(form: HTMLFormElement, which: "now" | "rendered" = "now"): Typed {
  const rendered = which === "rendered";
  const values: Record<string, string> = {};
  const lists: Record<string, string[]> = {};
  for (const el of Array.from(form.elements)) {
    if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement)) continue;
    const name = el.name;
    if (!name || el.disabled || name === DRAFT_FIELD || /password|^confirm$/i.test(name)) continue;
    if (el instanceof HTMLInputElement && SKIPPED_INPUTS.has(el.type)) continue;
    if (el instanceof HTMLInputElement && (el.type === "checkbox" || el.type === "radio")) {
      // Nothing ticked is kept as nothing ticked, so putting a draft back unticks what the page had ticked.
      lists[name] ??= [];
      values[name] ??= "";
      if (rendered ? el.defaultChecked : el.checked) {
        lists[name].push(el.value);
        values[name] = el.value;
      }
      continue;
    }
    const chosen =
      el instanceof HTMLSelectElement
        ? renderedOrChosen(el, rendered)
        : [rendered ? el.defaultValue : el.value];
    (lists[name] ??= []).push(...chosen);
    values[name] = chosen[chosen.length - 1] ?? "";
  }
  return { values, lists };
}

/** A list's chosen options: now, or as the page rendered them (the first option when the page marked none). */
function renderedOrChosen(el: HTMLSelectElement, rendered: boolean): string[] {
  if (!rendered) return el.multiple ? Array.from(el.selectedOptions, (o) => o.value) : [el.value];
  const marked = Array.from(el.options).filter((o) => o.defaultSelected).map((o) => o.value);
  if (el.multiple) return marked;
  return [marked.at(-1) ?? el.options[0]?.value ?? ""];
}

/** What a form that keeps a draft shows about it, and the hidden field naming it (see DraftNotice). */
export type DraftInfo = {
  /** The draft's name, sent with the form; undefined when the form keeps none. */
  name?: string;
  /** When the draft put back into the form was typed; undefined when none was. */
  restoredAt?: number;
  /** Throws the draft away: the form shows what is saved. */
  discard: () => void;
  /** The draft was just thrown away (until the next answer). */
  discarded?: boolean;
};

/**
 * The draft side of useFormAction. `answer` is the action's latest state (a new object for each answer), `initial`
 * whether there has been none yet.
 */
export function useDraft(name: string | undefined, answer: object, initial: boolean) {
  const keys = useContext(DraftsContext);
  const active = !!keys && isDraftName(name);
  const form = useRef<HTMLFormElement | null>(null);
  /** What the page shows as saved: typing back to it drops the draft. */
  const baseline = useRef<Typed | null>(null);
  const [restored, setRestored] = useState<DraftContent | null>(null);
  const [discarded, setDiscarded] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const write = useCallback(() => {
    clearTimeout(timer.current);
    const element = form.current;
    if (!active || !keys || !name || !element || !canKeepDrafts()) return;
    const typed = typedIn(element);
    const unchanged = !!baseline.current && sameTyped(typed, baseline.current);
    void enqueue(async () => {
      const store = storage();
      if (!store) return;
      const key = await storageKeyFor(keys, name);
      if (unchanged) return store.removeItem(key);
      try {
        store.setItem(key, await sealDraft(keys, key, { ...typed, savedAt: Date.now() }));
      } catch {
        // Storage full or refused: this draft is not kept; the form itself is unaffected.
      }
    });
  }, [active, keys, name]);

  // One function per form in the waiting set, for flushDrafts.
  const writeNow = useRef(() => {});
  useEffect(() => {
    const run = () => {
      waiting.delete(run);
      write();
    };
    writeNow.current = run;
    return () => {
      // Leaving the page (a link, or the form remounting) with a save still waiting: write it now.
      if (waiting.has(run)) run();
    };
  }, [write]);

  // Opened: what the page shows is the baseline, and a different draft of this form is put back.
  useEffect(() => {
    if (!active || !keys || !name || !form.current || !canKeepDrafts()) return;
    // The baseline is what the page rendered; anything typed before drafts could be kept (a slow phone, the first
    // moment after the page loads) is written as a draft now, as if just typed.
    baseline.current = typedIn(form.current, "rendered");
    const typedEarly = !sameTyped(typedIn(form.current), baseline.current);
    let live = true;
    void (async () => {
      await dropSavedDraft(keys);
      const store = storage();
      if (!store) return;
      const key = await storageKeyFor(keys, name);
      const draft = await openDraft(keys, key, store.getItem(key), Date.now());
      if (live && typedEarly) {
        waiting.add(writeNow.current);
        writeNow.current();
        return;
      }
      if (!live || !draft) return;
      if (baseline.current && sameTyped(draft, baseline.current)) void enqueue(() => store.removeItem(key));
      else setRestored(draft);
    })();
    return () => {
      live = false;
    };
  }, [active, keys, name]);

  // Each answer: if the server said this draft was saved, it is gone, and what the form now shows is the saved version.
  useEffect(() => {
    if (!active || !keys || initial) return;
    void dropSavedDraft(keys).then((saved) => {
      if (saved === name && form.current) baseline.current = typedIn(form.current);
    });
  }, [active, keys, name, answer, initial]);

  const discard = useCallback(() => {
    setRestored(null);
    setDiscarded(true);
    if (!keys || !name) return;
    void enqueue(async () => storage()?.removeItem(await storageKeyFor(keys, name)));
  }, [keys, name]);

  return {
    /** The draft to show in place of the page's values, before any answer. */
    restored: initial ? restored : null,
    formProps: {
      ref: form,
      onChange: () => {
        if (!active) return;
        // Typing again after throwing a draft away: the note about it has had its say.
        if (discarded) setDiscarded(false);
        clearTimeout(timer.current);
        waiting.add(writeNow.current);
        timer.current = setTimeout(writeNow.current, 400);
      },
      /** Sending the form: what it holds is written first, so an answer that sends the person to sign in loses nothing. */
      onSubmit: (_event: FormEvent<HTMLFormElement>) => {
        if (active) writeNow.current();
      },
    },
    info: {
      name: active ? name : undefined,
      restoredAt: initial ? restored?.savedAt : undefined,
      discard,
      discarded: initial && discarded,
    } satisfies DraftInfo,
  };
}

const when = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" });

/** In a form that keeps a draft: the hidden field naming it, and, when one was put back, a note saying so. */
export function DraftNotice({ draft }: { draft: DraftInfo }) {
  const note = useRef<HTMLDivElement | null>(null);
  const { discarded, restoredAt } = draft;
  // The button that was pressed is gone with the draft: the note saying what happened takes the focus.
  useEffect(() => {
    if (discarded) note.current?.focus();
  }, [discarded]);
  if (!draft.name) return null;
  return (
    <>
      <input type="hidden" name={DRAFT_FIELD} value={draft.name} />
      {restoredAt !== undefined || discarded ? (
        <div ref={note} tabIndex={-1} role="status" className="mb-6 border-l-8 border-nhs-blue bg-white p-4">
          {discarded ? (
            <p>The form shows what is saved.</p>
          ) : (
            <>
              <p className="mb-2 font-semibold">We have put back what you typed here on {when.format(restoredAt)}, which was not saved.</p>
              <p className="mb-3">Check it and save it, or discard it to see what is saved.</p>
              <button
                type="button"
                className="btn btn-secondary"
                onClick={draft.discard}
              >
                Discard what was not saved
              </button>
            </>
          )}
        </div>
      ) : null}
    </>
  );
}
