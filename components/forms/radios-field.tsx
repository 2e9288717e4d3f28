// A group of radio buttons with its legend, hint and error tied by aria-describedby. An option may carry a line
// explaining what it means (e.g. each level of supervision).
import { FieldMessages, describedBy } from "./field-shell";

export type RadioOption = readonly [value: string, label: string, meaning?: string];

export function RadiosField({
  name,
  legend,
  options,
  value,
  hint,
  error,
}: {
  name: string;
  legend: string;
  options: ReadonlyArray<RadioOption>;
  value?: string;
  hint?: string;
  error?: string;
}) {
  return (
    <fieldset id={name} tabIndex={-1} aria-describedby={describedBy(name, hint, error)} className={`mb-5 ${error ? "border-l-4 border-nhs-red pl-4" : ""}`}>
      <legend className="label">{legend}</legend>
      <FieldMessages name={name} hint={hint} error={error} />
      <div className="space-y-2">
        {options.map(([v, text, meaning]) => (
          <label key={v} className="flex items-start gap-3">
            <input type="radio" name={name} value={v} defaultChecked={value === v} className="mt-0.5 size-6 shrink-0 accent-nhs-blue" />
            <span>
              {text}
              {meaning ? <span className="block text-nhs-secondary">{meaning}</span> : null}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
