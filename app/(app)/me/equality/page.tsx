// /me/equality: a support worker's own equality monitoring answers, which only they can see or change.
import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth";
import { myEquality } from "@/db/queries/equality";
import { formatDate, todayInLondon } from "@/lib/rules/dates";
import { SavedBanner } from "@/components/saved-banner";
import { SMALL_NUMBER } from "@/lib/rules/suppression";
import { EqualityForm } from "./equality-form";
import { saveEqualityAction } from "./actions";

export const metadata: Metadata = { title: "Equality monitoring" };

const SAVED: Record<string, string> = {
  saved: "Your answers are saved",
  cleared: "All your answers are removed",
  unchanged: "Nothing changed: your answers are as they were",
};

export default async function EqualityPage({ searchParams }: { searchParams: Promise<{ saved?: string }> }) {
  const user = await requireRole("support_worker");
  const mine = await myEquality(user);
  if (!mine) notFound();
  const { saved } = await searchParams;
  const hasAnswers = !!(mine.ethnicGroup || mine.disability || mine.sex || mine.ageBand);
  return (
    <>
      <p>
        <Link href="/me">Back to my development</Link>
      </p>
      <h1 className="mt-2 mb-4">Equality monitoring</h1>
      <SavedBanner message={saved ? SAVED[saved] : undefined} />
      <div className="mb-6 max-w-3xl space-y-3">
        <p>
          These questions are optional. Answer any, all or none of them, choose &ldquo;Prefer not to say&rdquo;, and change or remove your answers
          whenever you like.
        </p>
        <section aria-labelledby="why" className="card">
          <h2 id="why" className="mb-2 text-lg">
            Why we ask, and who sees your answers
          </h2>
          <p className="mb-2">
            The NHS must check that appraisals, training, apprenticeships and promotion reach everyone fairly, whatever their ethnic group, disability,
            sex or age. Your answers are only ever counted together with other people&apos;s.
          </p>
          <ul className="list-disc space-y-1 pl-5">
            <li>Only you can see or change your answers here.</li>
            <li>Your manager never sees them, and neither does anyone else in Pathways: they are not on your record or in any download.</li>
            <li>
              Leads see counts for groups of people, and any group smaller than {SMALL_NUMBER} is hidden so no one can be picked out.
            </li>
          </ul>
        </section>
        <p className="text-nhs-secondary">{mine.updatedAt ? `Last changed ${formatDate(todayInLondon(mine.updatedAt))}.` : "You have not answered yet."}</p>
      </div>
      <div className="max-w-3xl">
        {/* Keyed on the last change, so after a save or a removal the form starts again from what is stored. */}
        <EqualityForm
          key={mine.updatedAt ? mine.updatedAt.getTime() : "none"}
          action={saveEqualityAction}
          hasAnswers={hasAnswers}
          defaults={{ ethnicGroup: mine.ethnicGroup ?? "", disability: mine.disability ?? "", sex: mine.sex ?? "", ageBand: mine.ageBand ?? "" }}
        />
      </div>
    </>
  );
}
