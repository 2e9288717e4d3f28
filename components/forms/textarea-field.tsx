// A labelled multi-line text box. With `maxChars` it shows a character count, as a text field does (text-field.tsx).
import type { TextareaHTMLAttributes } from "react";
import { FieldShell, describedBy } from "./field-shell";
import { CharacterCount, limitId } from "./character-count";

type Props = {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue?: string;
  /** The schema's limit, shown as a character count. */
  maxChars?: number;
} & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id" | "defaultValue" | "maxLength">;

export function TextareaField({ name, label, hint, error, defaultValue, maxChars, className, rows = 4, ...rest }: Props) {
  return (
    <FieldShell name={name} label={label} hint={hint} error={error}>
      <textarea
        id={name}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error, maxChars ? limitId(name) : undefined)}
        className={`input ${className ?? ""}`}
        {...rest}
      />
      {maxChars ? <CharacterCount fieldId={name} max={maxChars} /> : null}
    </FieldShell>
  );
}
