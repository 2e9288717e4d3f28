// A date as three boxes, day, month and year, in a fieldset whose legend is the question (the GOV.UK date input;
// decision record 0022). What was typed always comes back as typed, a real date or not: reading the form joins the
// parts (lib/forms/read.ts) and the date schemas say what is wrong in words (lib/forms/dates.ts).
import { DATE_EXAMPLE, DATE_PARTS, partName, partsInError, typedParts, type DatePart, type DateParts } from "@/lib/forms/date-parts";
import { FieldMessages, describedBy } from "./field-shell";

const PART_LABELS: Record<DatePart, string> = { day: "Day", month: "Month", year: "Year" };
const PART_WIDTHS: Record<DatePart, string> = { day: "w-16", month: "w-16", year: "w-24" };

type Props = {
  /** The date's name: the parts are sent as `name-day`, `name-month` and `name-year`, read together as `name`. */
  name: string;
  /** The fieldset's id, which the error summary links to; the parts' ids add `-day` and so on. Defaults to the name. */
  id?: string;
  label: string;
  hint?: string;
  error?: string;
  /** The form's values (useFormAction): the parts typed, else the date under `name` as an ISO date. */
  values?: Record<string, string | undefined>;
  /** The ISO date shown when `values` has none (a page's default, like today). */
  defaultValue?: string;
  /** The parts to show, for a date repeated in rows whose values come back as lists. */
  parts?: DateParts;
};

export function DateField({ name, id = name, label, hint, error, values = {}, defaultValue, parts }: Props) {
  const shown = parts ?? typedParts(values, name, defaultValue);
  const wrong = error ? partsInError(shown) : [];
  const hintText = (
    <>
      {hint ? <span className="block">{hint}</span> : null}
      For example, {DATE_EXAMPLE}
    </>
  );
  return (
    <div className={`mb-5 ${error ? "border-l-4 border-nhs-red pl-4" : ""}`}>
      <fieldset id={id} tabIndex={-1} aria-describedby={describedBy(id, hintText, error)}>
        <legend className="label">{label}</legend>
        <FieldMessages name={id} hint={hintText} error={error} />
        <div className="flex flex-wrap gap-x-4 gap-y-2">
          {DATE_PARTS.map((part) => (
            <div key={part}>
              <label htmlFor={`${id}-${part}`} className="block">
                {PART_LABELS[part]}
              </label>
              <input
                id={`${id}-${part}`}
                name={partName(name, part)}
                defaultValue={shown[part]}
                inputMode="numeric"
                autoComplete="off"
                spellCheck={false}
                aria-invalid={wrong.includes(part) ? true : undefined}
                className={`input ${PART_WIDTHS[part]}`}
              />
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
