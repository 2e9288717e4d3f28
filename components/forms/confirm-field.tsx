// A single "Yes, do it" checkbox that an irreversible action needs ticked, with its error tied by aria-describedby.
import { FieldMessages, describedBy } from "./field-shell";

export function ConfirmField({ name = "confirm", error, children }: { name?: string; error?: string; children: React.ReactNode }) {
  return (
    <div className={`mb-5 ${error ? "border-l-4 border-nhs-red pl-4" : ""}`}>
      <FieldMessages name={name} error={error} />
      <label className="flex items-start gap-3">
        <input
          id={name}
          type="checkbox"
          name={name}
          value="yes"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(name, undefined, error)}
          className="mt-1 size-6 shrink-0 accent-nhs-blue"
        />
        <span>{children}</span>
      </label>
    </div>
  );
}
