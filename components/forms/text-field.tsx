// A labelled text input with its hint and error tied to it by aria-describedby.
import type { InputHTMLAttributes } from "react";

type Props = {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id" | "defaultValue">;

export function TextField({ name, label, hint, error, defaultValue, className, ...rest }: Props) {
  const hintId = hint ? `${name}-hint` : undefined;
  const errorId = error ? `${name}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`mb-5 ${error ? "border-l-4 border-nhs-red pl-4" : ""}`}>
      <label htmlFor={name} className="label">
        {label}
      </label>
      {hint ? (
        <span id={hintId} className="hint">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={errorId} className="field-error">
          <span className="sr-only">Error: </span>
          {error}
        </span>
      ) : null}
      <input
        id={name}
        name={name}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`input ${className ?? ""}`}
        {...rest}
      />
    </div>
  );
}
