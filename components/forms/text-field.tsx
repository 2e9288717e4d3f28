// A labelled text input with its hint and error tied to it by aria-describedby. A field with a limit (`maxChars`)
// shows a character count; nothing typed is ever cut (no maxlength): the schema's message says when it is too long.
import type { InputHTMLAttributes } from "react";
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
} & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id" | "defaultValue" | "maxLength">;

export function TextField({ name, label, hint, error, defaultValue, maxChars, className, ...rest }: Props) {
  return (
    <FieldShell name={name} label={label} hint={hint} error={error}>
      <input
        id={name}
        name={name}
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
