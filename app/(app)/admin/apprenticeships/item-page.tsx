// The page for one option or one gateway requirement of a standard: change its words, retire or restore it.
import Link from "@/components/link";
import { Tag } from "@/components/tags";
import type { FormState } from "@/lib/forms/state";
import { LabelForm } from "./label-form";
import { ButtonForm } from "./button-form";

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

export function ItemPage({
  standard,
  kind,
  text,
  retired,
  change,
  toggle,
}: {
  standard: { id: string; reference: string; title: string };
  kind: "option" | "requirement";
  text: string;
  retired: boolean;
  change: Action;
  toggle: Action;
}) {
  const words =
    kind === "option"
      ? {
          of: "Option",
          heading: "Rename",
          guidance: undefined,
          field: "name" as const,
          label: "Option name",
          save: "Save name",
          retire: "Apprenticeships that follow it keep it; new ones cannot choose it.",
          restore: "New apprenticeships can choose it again.",
        }
      : {
          of: "Gateway requirement",
          heading: "Reword",
          guidance: "Reword it to say the same thing more clearly. For a different requirement, add a new one and retire this one.",
          field: "label" as const,
          label: "Gateway requirement",
          save: "Save wording",
          retire: "It leaves the checklist. Checks already recorded against it are kept.",
          restore: "It goes back at the end of the checklist.",
        };
  const noun = kind === "option" ? "option" : "requirement";
  return (
    <div className="max-w-2xl">
      <p className="mb-2">
        <Link href={`/admin/apprenticeships/${standard.id}`}>Back to {standard.title}</Link>
      </p>
      <p className="text-nhs-secondary">
        {words.of} of {standard.reference} {standard.title}
      </p>
      <h1 className="mb-4 break-words">{text}</h1>
      {retired ? (
        <p className="mb-4">
          <Tag tone="grey">Retired</Tag>
        </p>
      ) : null}
      <section aria-labelledby="change" className="mb-8">
        <h2 id="change" className="mb-4">
          {words.heading}
        </h2>
        {words.guidance ? <p className="mb-4">{words.guidance}</p> : null}
        <LabelForm action={change} name={words.field} label={words.label} defaultValue={text} submit={words.save} />
      </section>
      <section aria-labelledby="retire" className="card">
        <h2 id="retire" className="mb-3 text-xl">
          {retired ? `Restore this ${noun}` : `Retire this ${noun}`}
        </h2>
        <p className="mb-4">{retired ? words.restore : words.retire}</p>
        <ButtonForm action={toggle} secondary={!retired}>
          {retired ? `Restore ${noun}` : `Retire ${noun}`}
        </ButtonForm>
      </section>
    </div>
  );
}
