import type { Metadata } from "next";
import Link from "@/components/link";
import { requireRole } from "@/lib/auth";
import { scorecardThresholds } from "@/db/queries/scorecard";
import { MEASURE_INFO, SCORECARD_MEASURES } from "@/lib/rules/scorecard";
import { saveThresholdsAction } from "./actions";
import { ThresholdsForm } from "./thresholds-form";

export const metadata: Metadata = { title: "Scorecard thresholds" };

export default async function ScorecardThresholdsPage() {
  await requireRole("admin");
  const t = await scorecardThresholds();
  const figure = (n: number, share: boolean) => String(share ? Math.round(n * 1000) / 10 : n);
  const rows = SCORECARD_MEASURES.map((m) => {
    const share = MEASURE_INFO[m].kind === "share";
    return { key: m, label: MEASURE_INFO[m].label, unit: share ? "%" : "hours", green: figure(t[m].green, share), amber: figure(t[m].amber, share) };
  });
  return (
    <>
      <p className="mb-2">
        <Link href="/admin">Back to administration</Link>
      </p>
      <h1 className="mb-2">Scorecard thresholds</h1>
      <p className="mb-6 max-w-3xl text-nhs-secondary">
        Where each call-to-action measure on Insights turns green (on track) and amber (getting there); below amber it is red (behind). Every change
        is audited.
      </p>
      <div className="card max-w-3xl">
        <ThresholdsForm action={saveThresholdsAction} rows={rows} />
      </div>
    </>
  );
}
