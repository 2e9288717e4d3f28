// A labelled select. Options are [value, label] pairs; an empty first option when `placeholder` is given.
import type { SelectHTMLAttributes } from "react";
import { FieldShell, describedBy } from "./field-shell";

type Props = {
  name: string;
  label: string;
  options: ReadonlyArray<readonly [string, string]>;
  placeholder?: string;
  hint?: string;
  error?: string;
  defaultValue?: string;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, "name" | "id" | "defaultValue">;

export function SelectField({ name, label, options, placeholder, hint, error, defaultValue, className, ...rest }: Props) {
  return (
    <FieldShell name={name} label={label} hint={hint} error={error}>
      <select
        id={name}
        name={name}
        defaultValue={defaultValue ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
        className={`input ${className ?? ""}`}
        {...rest}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
