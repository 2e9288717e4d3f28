// A labelled text input with its hint and error tied to it by aria-describedby.
import type { InputHTMLAttributes } from "react";
import { FieldShell, describedBy } from "./field-shell";

type Props = {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id" | "defaultValue">;

export function TextField({ name, label, hint, error, defaultValue, className, ...rest }: Props) {
  return (
    <FieldShell name={name} label={label} hint={hint} error={error}>
      <input
        id={name}
        name={name}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
        className={`input ${className ?? ""}`}
        {...rest}
      />
    </FieldShell>
  );
}
