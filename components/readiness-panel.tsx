// Readiness for the next stage, for a worker's profile, their competencies page and their own home: where they stand
// at the stage they hold and at the next, each figure named by its stage and read from one overview (signed off, of
// how many, and how many still to achieve, which add up), a bar, and the first gaps of the next stage, each linking
// to its statement so a career conversation can point at what is missing.
import Link from "@/components/link";
import { AssessmentStatusTag } from "./tags";
import { frameworkStageWords, type AssessmentStatus, type FrameworkStage } from "@/lib/vocabulary";
import { ladderWords, type LadderRung } from "@/lib/rules/competencies";

export type ReadinessView = {
  current: { stage: FrameworkStage; signedOff: number; total: number; expired: number; percent: number; gapCount: number } | null;
  next: {
    stage: FrameworkStage;
    signedOff: number;
    total: number;
    percent: number;
    gapCount: number;
    gaps: ReadonlyArray<{ id: string; number: string; text: string; status: AssessmentStatus }>;
  } | null;
  ladder: { position: LadderRung | null };
};

/** "assistant practitioner statements", "intermediate (senior support worker) statements". */
export const statementsOf = (stage: FrameworkStage) => `${frameworkStageWords.label(stage).toLowerCase()} statements`;

/** Where a stage's statements stand, in the words every figure of it uses. */
export function stageFigure(s: { stage: FrameworkStage; signedOff: number; total: number }) {
  return `${s.signedOff} of ${s.total} ${statementsOf(s.stage)} signed off`;
}

export function ReadinessPanel({ readiness, workerId, own, headingId = "readiness" }: { readiness: ReadinessView; workerId: string; own: boolean; headingId?: string }) {
  const { next, current } = readiness;
  const base = `/workers/${workerId}/competencies`;
  return (
    <section aria-labelledby={headingId} className="card">
      <h2 id={headingId} className="mb-2 text-lg">
        {next ? `Readiness for the next stage: ${frameworkStageWords.label(next.stage)}` : "Progression"}
      </h2>
      {readiness.ladder.position ? (
        <p className="mb-2 text-nhs-secondary">
          {own ? "You are at" : "On the ladder at"}: {ladderWords.label(readiness.ladder.position)}
        </p>
      ) : null}
      {next && next.total === 0 ? (
        <p>No statements are published for this stage yet.</p>
      ) : next ? (
        <>
          <p className="text-3xl font-bold tabular-nums">
            {next.percent}% <span className="text-base font-normal">({stageFigure(next)})</span>
          </p>
          <progress className="mt-2 block h-3 w-full" max={Math.max(1, next.total)} value={next.signedOff} aria-label="Next stage statements signed off" />
          {next.gaps.length > 0 ? (
            <>
              <h3 className="mt-4 mb-2 text-base">
                {own ? "Still to achieve" : "Gaps"}: {next.gapCount} of {next.total}
                {next.gaps.length < next.gapCount ? ", the nearest to a sign-off first" : ""}
              </h3>
              <ul className="space-y-2">
                {next.gaps.map((g) => (
                  <li key={g.id} className="flex flex-wrap items-start justify-between gap-2">
                    <Link href={`${base}/${g.id}`} className="min-w-0 flex-1 basis-56">
                      <span className="font-semibold">{g.number}</span> {g.text.length > 110 ? `${g.text.slice(0, 107).trimEnd()}…` : g.text}
                    </Link>
                    <AssessmentStatusTag status={g.status} />
                  </li>
                ))}
              </ul>
              <p className="mt-3">
                <Link href={`${base}?stage=next&show=gaps`}>
                  All {next.gapCount} {statementsOf(next.stage)} still to achieve
                </Link>
              </p>
            </>
          ) : (
            <p className="mt-2 font-semibold">Every statement of the next stage is signed off.</p>
          )}
        </>
      ) : (
        <p>At the top stage of the framework: the next steps are a degree apprenticeship and registration.</p>
      )}
      {current ? (
        <p className="mt-3 text-nhs-secondary">
          {own ? "At your stage" : "At their current stage"}: {stageFigure(current)} ({current.percent}%);{" "}
          {current.gapCount === 0 ? (
            "none still to achieve"
          ) : (
            <Link href={`${base}?stage=current&show=gaps`}>{current.gapCount} still to achieve</Link>
          )}
          {current.expired > 0 ? `, ${current.expired} of them expired and needing renewal` : ""}.
        </p>
      ) : null}
    </section>
  );
}
