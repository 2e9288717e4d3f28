// A labelled multi-line text box.
import type { TextareaHTMLAttributes } from "react";
import { FieldShell, describedBy } from "./field-shell";

type Props = {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue?: string;
} & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id" | "defaultValue">;

export function TextareaField({ name, label, hint, error, defaultValue, className, rows = 4, ...rest }: Props) {
  return (
    <FieldShell name={name} label={label} hint={hint} error={error}>
      <textarea
        id={name}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
        className={`input ${className ?? ""}`}
        {...rest}
      />
    </FieldShell>
  );
}
