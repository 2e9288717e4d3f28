"use client";
// The error summary at the top of a form: takes focus when it appears, puts "Error: " before the page's title while it
// shows, and links to each field. Its title's id is unique to the form, so that two forms showing errors on one page
// each name their own summary.
import { useEffect, useId, useRef, type MouseEvent } from "react";

const ERROR_PREFIX = "Error: ";
/** Summaries showing on the page: the title keeps its prefix until the last one goes. */
let showing = 0;

function markTitle() {
  showing += 1;
  if (!document.title.startsWith(ERROR_PREFIX)) document.title = ERROR_PREFIX + document.title;
  return () => {
    showing -= 1;
    if (showing === 0 && document.title.startsWith(ERROR_PREFIX)) document.title = document.title.slice(ERROR_PREFIX.length);
  };
}

const FIELD = "input:not([type=hidden]), select, textarea";

/**
 * The control a link to `id` should focus: the element itself, or inside a group (a date's parts, radios, checkboxes)
 * the first part marked wrong, else the first control.
 */
function controlFor(target: HTMLElement): HTMLElement {
  if (target.matches(FIELD)) return target;
  return target.querySelector<HTMLElement>(`[aria-invalid="true"]`) ?? target.querySelector<HTMLElement>(FIELD) ?? target;
}

/**
 * What to scroll into view so the question shows above the control (as GOV.UK's error summary does): a group's legend
 * for radios and checkboxes, and for other controls the legend when it fits with the control in the top half of the
 * window, else the control's own label.
 */
function questionFor(control: HTMLElement): HTMLElement {
  const legend = control.closest("fieldset")?.querySelector("legend");
  if (legend) {
    if (control instanceof HTMLInputElement && (control.type === "checkbox" || control.type === "radio")) return legend;
    const bottom = control.getBoundingClientRect().bottom;
    if (bottom - legend.getBoundingClientRect().top < window.innerHeight / 2) return legend;
  }
  return (control.id ? document.querySelector<HTMLElement>(`label[for="${CSS.escape(control.id)}"]`) : null) ?? control.closest("label") ?? control;
}

function goToField(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  const control = controlFor(target);
  questionFor(control).scrollIntoView();
  control.focus({ preventScroll: true });
}

export function ErrorSummary({
  title = "There is a problem",
  errors,
  message,
}: {
  title?: string;
  errors?: Record<string, string>;
  message?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const entries = Object.entries(errors ?? {});
  const visible = entries.length > 0 || !!message;
  useEffect(() => {
    if (visible) ref.current?.focus();
  }, [visible, errors, message]);
  useEffect(() => (visible ? markTitle() : undefined), [visible]);
  if (!visible) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby={titleId}
      className="mb-6 border-4 border-nhs-red bg-white p-4 focus:outline-4 focus:outline-nhs-focus"
    >
      <h2 id={titleId} className="text-xl">
        {title}
      </h2>
      {message && entries.length === 0 ? <p className="mt-2">{message}</p> : null}
      {entries.length > 0 ? (
        <ul className="mt-2 list-none space-y-1">
          {entries.map(([field, text]) => (
            <li key={field}>
              <a href={`#${field}`} onClick={(event) => goToField(event, field)} className="font-bold text-nhs-red! visited:text-nhs-red!">
                {text}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
