import type { Metadata } from "next";
import { requireRole } from "@/lib/auth";
import { workforceByStage, headlineMeasures } from "@/db/queries/insights";
import { todayInLondon } from "@/lib/rules/dates";
import { Stat, percent } from "@/components/stat";
import { TeamSizeTable } from "@/components/team-size-table";

export const metadata: Metadata = { title: "Insights" };

export default async function InsightsPage() {
  const user = await requireRole("lead", "admin");
  const today = todayInLondon();
  const h = headlineMeasures(user, today);
  const byStage = workforceByStage(user);

  return (
    <>
      <h1 className="mb-2">Insights</h1>
      <p className="mb-6 text-nhs-secondary">The support workforce across the organisation, and how its development is going.</p>
      <div className="mb-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label="Support workers in post" value={h.inPost} note={`${h.fte} FTE`} />
        <Stat
          label="Appraised in the last 12 months"
          value={percent(h.appraisedInYear, h.inPost)}
          note={`${h.appraisedInYear} of ${h.inPost} have a completed, signed appraisal`}
        />
        <Stat label="With an agreed PDP" value={percent(h.withAgreedPdp, h.inPost)} note={`${h.withAgreedPdp} of ${h.inPost}: an active PDP both have agreed`} />
        <Stat label="On an apprenticeship" value={h.onApprenticeship} note="On programme, on a break, at gateway or in EPA" />
      </div>
      <section aria-labelledby="by-stage">
        <h2 id="by-stage" className="mb-3">
          Workforce by role
        </h2>
        <div className="max-w-2xl">
          <TeamSizeTable
            size={{ headcount: h.inPost, fte: h.fte, byStage }}
            caption="Headcount and full-time equivalent of support workers in post, by role"
          />
        </div>
      </section>
    </>
  );
}
