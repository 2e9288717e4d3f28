// The label, hint and error around any form control, with the ids that aria-describedby points at.

/** The ids a field's aria-describedby lists: its hint, its error, and any more (a character count's limit). */
export function describedBy(name: string, hint?: React.ReactNode, error?: string, ...more: (string | undefined)[]): string | undefined {
  return [hint ? `${name}-hint` : undefined, error ? `${name}-error` : undefined, ...more].filter(Boolean).join(" ") || undefined;
}

/** The hint and error under a label or legend, with the ids aria-describedby points at. */
export function FieldMessages({ name, hint, error }: { name: string; hint?: React.ReactNode; error?: string }) {
  return (
    <>
      {hint ? (
        <span id={`${name}-hint`} className="hint">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={`${name}-error`} className="field-error">
          <span className="sr-only">Error: </span>
          {error}
        </span>
      ) : null}
    </>
  );
}

export function FieldShell({
  name,
  label,
  hint,
  error,
  children,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  children: React.ReactNode;
}) {
  return (
    <div className={`mb-5 ${error ? "border-l-4 border-nhs-red pl-4" : ""}`}>
      <label htmlFor={name} className="label">
        {label}
      </label>
      <FieldMessages name={name} hint={hint} error={error} />
      {children}
    </div>
  );
}
