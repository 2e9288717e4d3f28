// A group of checkboxes sharing one name (FormData.getAll reads them), in a fieldset with a legend.
import { describedBy, FieldMessages } from "./field-shell";

type Props = {
  name: string;
  legend: string;
  options: ReadonlyArray<readonly [string, string]>;
  hint?: string;
  error?: string;
  defaultValues?: readonly string[];
};

export function CheckboxesField({ name, legend, options, hint, error, defaultValues = [] }: Props) {
  return (
    <fieldset
      id={name}
      tabIndex={-1}
      aria-describedby={describedBy(name, hint, error)}
      className={`mb-5 ${error ? "border-l-4 border-nhs-red pl-4" : ""}`}
    >
      <legend className="label">{legend}</legend>
      <FieldMessages name={name} hint={hint} error={error} />
      <div className="space-y-2">
        {options.map(([value, text]) => (
          <label key={value} className="flex items-center gap-3">
            <input type="checkbox" name={name} value={value} defaultChecked={defaultValues.includes(value)} className="size-6 accent-nhs-blue" />
            <span>{text}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
