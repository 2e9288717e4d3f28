import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth";
import { competencyOverview, readinessView, type CompetencyOverview } from "@/db/queries/competencies";
import { ReadinessPanel } from "@/components/readiness-panel";
import { WorkerRecordHeader } from "@/components/worker-record-nav";
import { AssessmentStatusTag, Tag } from "@/components/tags";
import { formatDate, todayInLondon } from "@/lib/rules/dates";
import { LADDER_RUNGS, isExpiringSoon, ladderMeaning, ladderWords } from "@/lib/rules/competencies";
import { frameworkStageWords } from "@/lib/vocabulary";

export const metadata: Metadata = { title: "Competencies" };

type Stage = NonNullable<CompetencyOverview["current"]>;
type Statement = Stage["domains"][number]["statements"][number];

export default async function CompetenciesPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ stage?: string; show?: string }>;
}) {
  const user = await requireUser();
  const { id } = await params;
  const query = await searchParams;
  const today = todayInLondon();
  const data = await competencyOverview(user, id, today);
  if (!data) notFound();
  const base = `/workers/${id}/competencies`;
  const showing: "current" | "next" = query.stage === "next" || !data.current ? "next" : "current";
  const gapsOnly = query.show === "gaps";
  const stage = showing === "current" ? data.current : data.next;
  const name = data.ownRecord ? "You" : data.worker.firstName;
  const href = (s: "current" | "next", gaps: boolean) => `${base}?stage=${s}${gaps ? "&show=gaps" : ""}`;

  return (
    <>
      <WorkerRecordHeader worker={data.worker} current="competencies" title="Competencies" />
      {data.ownRecord ? (
        <div className="card mb-6">
          <p>
            Open a statement to rate how confident you are and add your evidence: an observation, a reflective account, a certificate. Your manager, or a
            registered professional they name, signs it off. Signed-off competencies for the next stage show how close you are to stepping up.
          </p>
        </div>
      ) : null}

      <div className="mb-8 grid gap-4 lg:grid-cols-[3fr_2fr]">
        <ReadinessPanel readiness={readinessView(data)} workerId={id} own={data.ownRecord} />
        <Ladder data={data} />
      </div>

      {data.framework ? (
        <p className="mb-4 text-nhs-secondary">
          Assessed against the {data.framework.name}, version {data.framework.version}.
          {data.olderVersions > 0
            ? ` ${data.olderVersions} ${data.olderVersions === 1 ? "statement was" : "statements were"} signed off against an earlier version: each says so below.`
            : ""}
        </p>
      ) : (
        <p className="card mb-4">No competency framework has been published yet. An administrator publishes one at Administration, Frameworks.</p>
      )}

      {data.current || data.next ? (
        <nav aria-label="Framework stage" className="mb-4">
          <ul className="flex flex-wrap gap-2">
            {data.current ? (
              <li>
                <Link href={href("current", gapsOnly)} aria-current={showing === "current" ? "page" : undefined} className={`pill ${showing === "current" ? "pill-on" : ""}`}>
                  {data.ownRecord ? "My stage" : "Current stage"}: {frameworkStageWords.label(data.current.stage)}
                </Link>
              </li>
            ) : null}
            {data.next ? (
              <li>
                <Link href={href("next", gapsOnly)} aria-current={showing === "next" ? "page" : undefined} className={`pill ${showing === "next" ? "pill-on" : ""}`}>
                  Next stage: {frameworkStageWords.label(data.next.stage)}
                </Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}

      {stage ? (
        <section aria-labelledby="statements">
          <div className="mb-3 flex flex-wrap items-baseline justify-between gap-x-4">
            <h2 id="statements">
              {frameworkStageWords.label(stage.stage)}: {stage.readiness.signedOff} of {stage.readiness.total} signed off
            </h2>
            <p>
              {gapsOnly ? (
                <Link href={href(showing, false)}>Show all statements</Link>
              ) : (
                <Link href={href(showing, true)}>Show only what is still to do ({stage.readiness.gaps.length})</Link>
              )}
            </p>
          </div>
          {stage.domains.length === 0 ? <p className="card">No statements apply at this stage.</p> : null}
          <div className="space-y-6">
            {stage.domains.map((d) => {
              const shown = gapsOnly ? d.statements.filter((s) => s.status !== "signed_off") : d.statements;
              const done = d.statements.filter((s) => s.status === "signed_off").length;
              return (
                <section key={d.id} aria-labelledby={`domain-${d.number}`} className="card">
                  <h3 id={`domain-${d.number}`} className="mb-1 text-lg">
                    Domain {d.number}: {d.title}
                  </h3>
                  <p className="mb-3 text-nhs-secondary">
                    {done} of {d.statements.length} signed off
                  </p>
                  {shown.length === 0 ? (
                    <p>Everything in this domain is signed off.</p>
                  ) : (
                    <ul className="divide-y divide-nhs-grey-4">
                      {shown.map((s) => (
                        <StatementRow key={s.id} s={s} href={`${base}/${s.id}`} today={today} />
                      ))}
                    </ul>
                  )}
                </section>
              );
            })}
          </div>
        </section>
      ) : null}
      {!data.current && !data.next ? <p className="card">{name === "You" ? "Your" : `${name}'s`} role has no framework stage set.</p> : null}
    </>
  );
}

function StatementRow({ s, href, today }: { s: Statement; href: string; today: string }) {
  const expiringSoon = isExpiringSoon(s, today);
  const meta = [
    s.status === "signed_off" && s.signedOffOn ? `Signed off ${formatDate(s.signedOffOn)}${s.assessorName ? ` by ${s.assessorName}` : ""}` : null,
    s.status === "expired" && s.expiresOn ? `Expired ${formatDate(s.expiresOn)}: needs renewing` : null,
    s.status === "signed_off" && s.expiresOn ? `Renew by ${formatDate(s.expiresOn)}` : null,
    s.status !== "signed_off" && s.confidence ? `Confidence ${s.confidence} of 5` : null,
    s.status !== "signed_off" && s.evidenceCount > 0 ? `${s.evidenceCount} evidence ${s.evidenceCount === 1 ? "entry" : "entries"}` : null,
    s.assessedVersion !== null ? `Assessed against version ${s.assessedVersion}${s.wordingChanged ? " (the wording has changed since)" : ""}` : null,
  ].filter(Boolean);
  return (
    <li className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1 py-3">
      <div className="min-w-0 flex-1 basis-72">
        <Link href={href}>
          <span className="font-semibold">{s.number}</span> {s.text}
        </Link>
        {s.bespoke ? <span className="ml-2 text-sm text-nhs-secondary">(local competency)</span> : null}
        {meta.length > 0 ? <p className="text-sm text-nhs-secondary">{meta.join(" · ")}</p> : null}
      </div>
      <span className="flex flex-wrap gap-2">
        {expiringSoon ? <Tag tone="amber">Expires soon</Tag> : null}
        <AssessmentStatusTag status={s.status} />
      </span>
    </li>
  );
}

function Ladder({ data }: { data: CompetencyOverview }) {
  const position = data.ladder.position;
  const at = position ? LADDER_RUNGS.indexOf(position) : -1;
  return (
    <section aria-labelledby="ladder" className="card">
      <h2 id="ladder" className="mb-2 text-lg">
        Career ladder
      </h2>
      {position === null ? <p className="mb-2">{data.placement.stageName}: working towards the entry stage.</p> : null}
      <ol className="space-y-2">
        {LADDER_RUNGS.map((rung, i) => {
          const here = rung === position;
          return (
            <li key={rung} aria-current={here ? "step" : undefined} className={`border-l-4 pl-3 ${here ? "border-nhs-blue font-semibold" : i < at ? "border-nhs-green" : "border-nhs-grey-4"}`}>
              {ladderWords.label(rung)}
              {here ? <span className="ml-2" /> : null}
              {here ? <Tag tone="blue">{data.ownRecord ? "You are here" : "Here now"}</Tag> : null}
              <span className="block text-sm font-normal text-nhs-secondary">
                {here && rung === "degree_apprenticeship" && data.ladder.apprenticeship ? data.ladder.apprenticeship.title : ladderMeaning.label(rung)}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
