// A single "Yes, do it" checkbox that an irreversible action needs ticked, with its error tied by aria-describedby.
// `id` defaults to the name; give one when several such forms share a page.
import { FieldMessages, describedBy } from "./field-shell";

export function ConfirmField({ name = "confirm", id = name, error, children }: { name?: string; id?: string; error?: string; children: React.ReactNode }) {
  return (
    <div className={`mb-5 ${error ? "border-l-4 border-nhs-red pl-4" : ""}`}>
      <FieldMessages name={id} error={error} />
      <label className="flex items-start gap-3">
        <input
          id={id}
          type="checkbox"
          name={name}
          value="yes"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, undefined, error)}
          className="mt-1 size-6 shrink-0 accent-nhs-blue"
        />
        <span>{children}</span>
      </label>
    </div>
  );
}
