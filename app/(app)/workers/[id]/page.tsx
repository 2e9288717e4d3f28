import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth";
import Link from "@/components/link";
import { workerProfile, positionHistory } from "@/db/queries/workers";
import { editableWorker } from "@/db/queries/worker-changes";
import { developmentSummaries } from "@/db/queries/development";
import { progressionReadiness } from "@/db/queries/competencies";
import { ReadinessPanel, stageFigure } from "@/components/readiness-panel";
import { todayInLondon, formatDate } from "@/lib/rules/dates";
import { SummaryList } from "@/components/summary-list";
import { AppraisalStatusTag, Tag } from "@/components/tags";
import { WorkerRecordHeader } from "@/components/worker-record-nav";
import type { PdpState } from "@/lib/rules/attention";
import { SavedBanner } from "@/components/saved-banner";

const PDP_WORDS: Record<PdpState, string> = {
  none: "None",
  draft: "Draft, not yet agreed",
  awaiting_agreement: "Changed, waiting to be agreed again",
  agreed: "Agreed by both",
};

export const metadata: Metadata = { title: "Worker profile" };

const SAVED: Record<string, string> = {
  created: "Worker added.",
  updated: "Changes saved.",
  left: "Leaving recorded. Their record stays here.",
};

export default async function WorkerProfilePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const user = await requireUser();
  const { id } = await params;
  const saved = SAVED[(await searchParams).saved ?? ""];
  const worker = await workerProfile(user, id);
  if (!worker) notFound();
  const history = await positionHistory(user, id);
  const today = todayInLondon();
  const summary = worker.status === "in_post" ? (await developmentSummaries(user, today, { workerIds: [id] }))[0] : undefined;
  const canEdit = worker.status === "in_post" && !!await editableWorker(user, id);
  const readiness = worker.status === "in_post" ? await progressionReadiness(user, id, today) : undefined;

  return (
    <>
      <WorkerRecordHeader worker={worker} current="profile" />
      <p className="mb-4">
        {worker.jobTitle} {worker.status === "left" ? <Tag tone="grey">Left {formatDate(worker.contractEnd)}</Tag> : null}
      </p>
      <SavedBanner message={saved} />
      {canEdit ? (
        <ul className="mb-6 flex flex-wrap gap-x-6 gap-y-2" aria-label="Actions">
          <li>
            <Link href={`/workers/${id}/edit`}>Edit details or change post</Link>
          </li>
          {worker.hasLogin ? null : (
            <li>
              <Link href={`/workers/${id}/login`}>Give them a Pathways login</Link>
            </li>
          )}
          <li>
            <Link href={`/workers/${id}/leave`}>Record leaving</Link>
          </li>
        </ul>
      ) : null}

      <div className="grid gap-8 lg:grid-cols-[3fr_2fr]">
        <section aria-labelledby="about">
          <h2 id="about" className="mb-3">
            About
          </h2>
          <SummaryList
            rows={[
              ["Employee number", worker.employeeNumber],
              ["Job title", worker.jobTitle],
              ["Profession", worker.profession],
              ["Role", worker.stage],
              ["Band", worker.band],
              ["FTE", worker.fte.toFixed(2)],
              ["Team", worker.teamName],
              ["Line manager", worker.lineManagerName],
              ["Care setting", worker.careSetting],
              ["Started", formatDate(worker.contractStart)],
              ...(worker.status === "left"
                ? ([
                    ["Left", formatDate(worker.contractEnd)],
                    ["Reason for leaving", worker.leavingReason],
                  ] as Array<[string, string | null]>)
                : []),
            ]}
          />
        </section>

        {summary ? (
          <section aria-labelledby="development">
            <h2 id="development" className="mb-3">
              Development
            </h2>
            <SummaryList
              rows={[
                [
                  "Appraisal",
                  <span key="a">
                    <AppraisalStatusTag status={summary.appraisalStatus} everAppraised={!!summary.lastAppraisalOn} /> due{" "}
                    {formatDate(summary.appraisalDueOn)}
                  </span>,
                ],
                ["Last appraisal", summary.lastAppraisalOn ? formatDate(summary.lastAppraisalOn) : "Never"],
                ["PDP", <Link key="p" href={`/workers/${id}/pdp`}>{PDP_WORDS[summary.pdp]}</Link>],
                ["Next career conversation", summary.nextConversationOn ? formatDate(summary.nextConversationOn) : summary.lastConversationOn ? "None planned" : "Never had one"],
                [
                  "Competencies at stage",
                  // The readiness panel's figures (one overview), so the two never differ.
                  <Link key="c" href={`/workers/${id}/competencies`}>
                    {readiness?.current ? stageFigure(readiness.current) : `${summary.competenciesSignedOff} of ${summary.competenciesAtStage} signed off`}
                  </Link>,
                ],
                ["CPD (12 months)", `${Number(summary.cpdHours12m.toFixed(1))} hours`],
                ["Last supervision", summary.lastSupervisionOn ? formatDate(summary.lastSupervisionOn) : "None recorded"],
                [
                  "Apprenticeship",
                  <Link key="a" href={`/workers/${id}/apprenticeship`}>
                    {summary.apprenticeship ?? "None"}
                  </Link>,
                ],
              ]}
            />
          </section>
        ) : null}
      </div>

      {readiness ? (
        <div className="mt-8">
          <ReadinessPanel readiness={readiness} workerId={id} own={user.role === "support_worker"} />
        </div>
      ) : null}

      <section aria-labelledby="positions" className="mt-8">
        <h2 id="positions" className="mb-3">
          Position history
        </h2>
        <ol className="relative ml-2 border-l-4 border-nhs-grey-4">
          {history.map((p) => (
            <li key={p.id} className="mb-4 ml-4">
              <p className="font-semibold">
                {formatDate(p.effectiveFrom)} {p.effectiveTo ? `to ${formatDate(p.effectiveTo)}` : "to now"}
              </p>
              <p>
                {p.jobTitle} · {p.stage}
                {p.band ? ` · ${p.band}` : ""} · {p.team}
              </p>
              {p.reason ? <p className="text-nhs-secondary">{p.reason}</p> : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
