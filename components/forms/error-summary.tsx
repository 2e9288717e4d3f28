"use client";
// The error summary at the top of a form: takes focus when it appears and links to each field. Its title's id is
// unique to the form, so that two forms showing errors on one page each name their own summary.
import { useEffect, useId, useRef } from "react";

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
              <a href={`#${field}`} className="font-bold text-nhs-red! visited:text-nhs-red!">
                {text}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
