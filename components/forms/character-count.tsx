"use client";
// The GOV.UK character count under a limited field: the limit, then as the person types, how many characters are left
// or how many too many, announced politely once they pause. Nothing is cut: a field over the limit is sent whole and
// its schema's message comes back with the text kept. Before the page is interactive, the limit alone shows.
import { useCallback, useEffect, useState, useSyncExternalStore } from "react";
import { countCharacters, countMessage, limitMessage } from "@/lib/forms/character-count";

/** How long typing must pause before a screen reader hears the count (GOV.UK waits the same). */
const ANNOUNCE_AFTER_MS = 1000;

/** The id a field's aria-describedby lists for its limit. */
export const limitId = (fieldId: string) => `${fieldId}-limit`;

const textField = (id: string) => {
  const field = document.getElementById(id);
  return field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement ? field : null;
};

export function CharacterCount({ fieldId, max }: { fieldId: string; max: number }) {
  const subscribe = useCallback(
    (changed: () => void) => {
      const field = textField(fieldId);
      field?.addEventListener("input", changed);
      return () => field?.removeEventListener("input", changed);
    },
    [fieldId],
  );
  // The count as the field holds it; none on the server and while hydrating, when the limit alone shows.
  const count = useSyncExternalStore(
    subscribe,
    () => {
      const field = textField(fieldId);
      return field ? countCharacters(field.value) : null;
    },
    () => null,
  );

  // A screen reader hears the count once typing pauses, never on load.
  const [announced, setAnnounced] = useState("");
  useEffect(() => {
    const field = textField(fieldId);
    if (!field) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const typed = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setAnnounced(countMessage(countCharacters(field.value), max)), ANNOUNCE_AFTER_MS);
    };
    field.addEventListener("input", typed);
    return () => {
      field.removeEventListener("input", typed);
      clearTimeout(timer);
    };
  }, [fieldId, max]);

  const over = count !== null && count > max;
  return (
    <>
      {/* The limit, read with the field; on screen only until the count takes over. */}
      <span id={limitId(fieldId)} className={count === null ? "hint mt-1" : "sr-only"}>
        {limitMessage(max)}
      </span>
      {count === null ? null : (
        <span aria-hidden="true" className={`mt-1 block ${over ? "font-bold text-nhs-red" : "text-nhs-secondary"}`}>
          {countMessage(count, max)}
        </span>
      )}
      <span className="sr-only" aria-live="polite">
        {announced}
      </span>
    </>
  );
}
