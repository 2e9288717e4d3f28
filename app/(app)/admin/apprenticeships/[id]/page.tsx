import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth";
import { standardForAdmin } from "@/db/queries/apprenticeship-standards";
import { professionOptions } from "@/db/queries/reference";
import { SavedBanner } from "@/components/saved-banner";
import { Tag } from "@/components/tags";
import { addGatewayRequirementAction, addOptionAction, moveGatewayRequirementAction, updateStandardAction } from "../actions";
import { StandardForm } from "../standard-form";
import { LabelForm } from "../label-form";
import { ButtonForm } from "../button-form";

export const metadata: Metadata = { title: "Apprenticeship standard" };

const SAVED: Record<string, string> = {
  created: "Standard added. Add its options and gateway checklist below.",
  updated: "Changes saved.",
  "option-added": "Option added.",
  "option-renamed": "Option renamed.",
  "option-retired": "Option retired. Apprenticeships that follow it keep it; new ones cannot choose it.",
  "option-restored": "Option restored.",
  "requirement-added": "Gateway requirement added to the end of the checklist.",
  "requirement-reworded": "Gateway requirement reworded.",
  "requirement-moved": "Checklist order saved.",
  "requirement-retired": "Gateway requirement retired. Checks already recorded against it are kept.",
  "requirement-restored": "Gateway requirement restored to the end of the checklist.",
};

export default async function StandardPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> }) {
  const admin = await requireRole("admin");
  const { id } = await params;
  const standard = await standardForAdmin(admin, id);
  if (!standard) notFound();
  const saved = SAVED[(await searchParams).saved ?? ""];
  const options = await professionOptions();
  const professions =
    standard.professionId && standard.professionName && !options.some(([value]) => value === standard.professionId)
      ? [...options, [standard.professionId, `${standard.professionName} (retired)`] as const]
      : options;
  const defaults: Record<string, string> = {
    title: standard.title,
    level: String(standard.level),
    typicalDurationMonths: String(standard.typicalDurationMonths),
    otjMinimumHours: standard.otjMinimumHours === null ? "" : String(standard.otjMinimumHours),
    professionId: standard.professionId ?? "",
  };
  const liveGateway = standard.gateway.filter((g) => !g.retiredAt);

  return (
    <div className="max-w-3xl">
      <p className="mb-2">
        <Link href="/admin/apprenticeships">Back to apprenticeship standards</Link>
      </p>
      <p className="text-nhs-secondary">Apprenticeship standard {standard.reference}</p>
      <h1 className="mb-4 break-words">
        {standard.title} (level {standard.level})
      </h1>
      <SavedBanner message={saved} />

      <section aria-labelledby="change" className="mb-10">
        <h2 id="change" className="mb-4">
          Change the standard
        </h2>
        <StandardForm action={updateStandardAction.bind(null, id)} defaults={defaults} professions={professions} mode="edit" />
      </section>

      <section aria-labelledby="options" className="mb-10">
        <h2 id="options" className="mb-2">
          Options
        </h2>
        {standard.options.length === 0 ? (
          <p className="mb-4">This standard has no options.</p>
        ) : (
          <ul className="mb-6 divide-y divide-nhs-grey-4 border-y border-nhs-grey-4">
            {standard.options.map((o) => (
              <li key={o.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  {o.name} {o.retiredAt ? <Tag tone="grey">Retired</Tag> : null}
                </span>
                <Link href={`/admin/apprenticeships/${id}/options/${o.id}`}>
                  Change<span className="sr-only"> option {o.name}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
        <h3 className="mb-2 text-lg">Add an option</h3>
        <LabelForm action={addOptionAction.bind(null, id)} name="name" label="Option name" submit="Add option" />
      </section>

      <section aria-labelledby="gateway">
        <h2 id="gateway" className="mb-2">
          Gateway checklist
        </h2>
        <p className="mb-4 text-nhs-secondary">What must be in place before the apprentice goes through gateway to end-point assessment, in order.</p>
        {standard.gateway.length === 0 ? (
          <p className="mb-4">This standard has no gateway requirements yet.</p>
        ) : (
          <ol className="mb-6 divide-y divide-nhs-grey-4 border-y border-nhs-grey-4">
            {standard.gateway.map((g) => {
              const at = liveGateway.findIndex((l) => l.id === g.id);
              return (
                <li key={g.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span className="min-w-0 flex-1 break-words">
                    {g.label} {g.retiredAt ? <Tag tone="grey">Retired</Tag> : null}
                  </span>
                  <span className="flex flex-wrap items-center gap-2">
                    {!g.retiredAt && at > 0 ? (
                      <ButtonForm action={moveGatewayRequirementAction.bind(null, g.id, "up")}>
                        Move up<span className="sr-only">: {g.label}</span>
                      </ButtonForm>
                    ) : null}
                    {!g.retiredAt && at < liveGateway.length - 1 ? (
                      <ButtonForm action={moveGatewayRequirementAction.bind(null, g.id, "down")}>
                        Move down<span className="sr-only">: {g.label}</span>
                      </ButtonForm>
                    ) : null}
                    <Link href={`/admin/apprenticeships/${id}/gateway/${g.id}`}>
                      Change<span className="sr-only"> requirement {g.label}</span>
                    </Link>
                  </span>
                </li>
              );
            })}
          </ol>
        )}
        <h3 className="mb-2 text-lg">Add a gateway requirement</h3>
        <LabelForm action={addGatewayRequirementAction.bind(null, id)} name="label" label="Gateway requirement" hint="It goes at the end of the checklist" submit="Add requirement" />
      </section>
    </div>
  );
}
