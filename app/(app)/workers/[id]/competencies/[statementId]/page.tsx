import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth";
import { signerOf } from "@/lib/rules/signature";
import { signInAgainWithMicrosoft } from "@/app/sign-on-again";
import { competencyStatementPage } from "@/db/queries/competencies";
import { WorkerRecordHeader } from "@/components/worker-record-nav";
import { SummaryList } from "@/components/summary-list";
import { AssessmentStatusTag, Tag } from "@/components/tags";
import { formatDate, formatDateTime, todayInLondon } from "@/lib/rules/dates";
import { confidenceWords } from "@/lib/rules/competencies";
import { evidenceTypeWords, frameworkStageWords } from "@/lib/vocabulary";
import { addEvidenceAction, reopenCompetencyAction, selfAssessAction, signOffCompetencyAction } from "../actions";
import { EvidenceForm, ReopenForm, SelfAssessmentForm, SignOffForm } from "./statement-forms";
import { SavedBanner } from "@/components/saved-banner";

export const metadata: Metadata = { title: "Competency" };

const SAVED: Record<string, string> = {
  signed_off: "Signed off. The competency is now locked; reopening it needs a reason.",
  reopened: "Sign-off reopened. The reason is kept on the record.",
};

export default async function StatementPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; statementId: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const user = await requireUser();
  const { id, statementId } = await params;
  const saved = SAVED[(await searchParams).saved ?? ""];
  const today = todayInLondon();
  const data = await competencyStatementPage(user, id, statementId, today);
  if (!data) notFound();
  const s = data.statement;
  const a = data.assessment;
  const signed = data.status === "signed_off" || data.status === "expired";
  const own = user.role === "support_worker";
  const olderVersion = a && a.version !== s.version;

  return (
    <>
      <WorkerRecordHeader worker={data.worker} current="competencies" title={`Competency ${s.number}`} />
      <p className="mb-4">
        <Link href={`/workers/${id}/competencies?stage=${data.stageRole}`}>Back to all competencies</Link>
      </p>
      <SavedBanner message={saved} />

      <section aria-labelledby="statement" className="card mb-6">
        <h2 id="statement" className="sr-only">
          The statement
        </h2>
        <p className="mb-3 text-nhs-secondary">
          Domain {s.domainNumber}: {s.domainTitle} · {frameworkStageWords.label(s.stage)}
          {s.bespoke ? " · local competency" : ""}
        </p>
        <p className="mb-3 text-xl">{s.text}</p>
        <p className="mb-3">
          <AssessmentStatusTag status={data.status} />
        </p>
        <p className="text-sm text-nhs-secondary">
          {s.renewalMonths ? `A sign-off lasts ${s.renewalMonths} months, then it must be renewed.` : "A sign-off does not expire."}
          {s.sourceRef ? ` Source: ${s.sourceRef}.` : ""} Framework version {s.version}.
        </p>
        {!data.applies ? (
          <p className="mt-3 font-semibold">This statement is no longer one of the current or next stage for this worker, so it is kept here as a record only.</p>
        ) : null}
      </section>

      {olderVersion ? (
        <div className="mb-6 border-l-8 border-nhs-warm-yellow bg-white p-4">
          <p className="font-semibold">
            {signed ? "Signed off" : "Assessed"} against version {a.version} of the framework. A newer version ({s.version}) is now current.
          </p>
          {a.statementText !== s.text ? (
            <>
              <p className="mt-2">The wording in version {a.version} was:</p>
              <blockquote className="mt-1 border-l-4 border-nhs-grey-4 pl-3">{a.statementText}</blockquote>
            </>
          ) : (
            <p className="mt-2">The wording has not changed.</p>
          )}
        </div>
      ) : null}

      {signed && a ? (
        <section aria-labelledby="sign-off" className="mb-8">
          <h2 id="sign-off" className="mb-3">
            Sign-off
          </h2>
          <SummaryList
            rows={[
              ["Signed off on", formatDate(a.signedOffOn)],
              ["Assessor", a.assessorName],
              ["Profession", a.assessorProfession],
              ["Registration number", a.assessorRegistration],
              [data.status === "expired" ? "Expired on" : "Expires on", a.expiresOn ? formatDate(a.expiresOn) : "Does not expire"],
            ]}
          />
          {data.status === "expired" ? (
            <p className="mt-3 font-semibold text-nhs-red">This sign-off has expired. Add fresh evidence and have it signed off again.</p>
          ) : null}
          {data.canReopen ? (
            <div className="mt-4">
              <ReopenForm action={reopenCompetencyAction.bind(null, id, s.id)} />
            </div>
          ) : null}
        </section>
      ) : null}

      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="self-assessment">
          <h2 id="self-assessment" className="mb-3">
            Self-assessment
          </h2>
          {a?.confidence ? (
            <div className="card mb-4">
              <p className="font-semibold">{confidenceWords[a.confidence]}</p>
              {a.selfAssessmentNote ? <p className="mt-2 whitespace-pre-line">{a.selfAssessmentNote}</p> : null}
              {a.selfAssessedAt ? <p className="mt-2 text-sm text-nhs-secondary">Rated {formatDateTime(a.selfAssessedAt)}</p> : null}
            </div>
          ) : (
            <p className="card mb-4">{own ? "You have not rated yourself on this yet." : "The worker has not rated themselves on this yet."}</p>
          )}
          {data.canSelfAssess ? (
            <div className="card">
              <h3 className="mb-3 text-lg">{a?.confidence ? "Update my self-assessment" : "Rate myself"}</h3>
              <SelfAssessmentForm action={selfAssessAction.bind(null, id, s.id)} confidence={a?.confidence ?? null} note={a?.selfAssessmentNote ?? ""} />
            </div>
          ) : null}
        </section>

        <section aria-labelledby="evidence">
          <h2 id="evidence" className="mb-3">
            Evidence
          </h2>
          {data.evidence.length === 0 ? (
            <p className="card mb-4">No evidence yet.</p>
          ) : (
            <ul className="mb-4 space-y-3" aria-label="Evidence, newest first">
              {data.evidence.map((ev) => (
                <li key={ev.id} className="card">
                  <p className="font-semibold">
                    {evidenceTypeWords.label(ev.type)}, {formatDate(ev.evidenceDate)}
                  </p>
                  <p className="mt-1 whitespace-pre-line">{ev.description}</p>
                  {ev.link ? (
                    <p className="mt-1 break-all">
                      <a href={ev.link} rel="noopener noreferrer" target="_blank">
                        {ev.link}
                        <span className="sr-only"> (opens in a new tab)</span>
                      </a>
                    </p>
                  ) : null}
                  <p className="mt-1 text-sm text-nhs-secondary">Added by {ev.addedByName ?? "a former user"}</p>
                </li>
              ))}
            </ul>
          )}
          {data.canAddEvidence ? (
            <div className="card">
              <h3 className="mb-3 text-lg">Add evidence</h3>
              <EvidenceForm action={addEvidenceAction.bind(null, id, s.id)} today={today} />
            </div>
          ) : null}
        </section>
      </div>

      {data.canSignOff ? (
        <section aria-labelledby="sign-off-form" className="card mt-8">
          <h2 id="sign-off-form" className="mb-3">
            {data.status === "expired" ? "Renew the sign-off" : "Sign off"}
          </h2>
          {data.signOffBlocker ? (
            <p>{data.signOffBlocker}</p>
          ) : (
            <SignOffForm
              action={signOffCompetencyAction.bind(null, id, s.id)}
              today={today}
              defaults={data.assessorDefaults!}
              signer={signerOf(user, new Date())}
              signOnAgain={signInAgainWithMicrosoft.bind(null, `/workers/${id}/competencies/${s.id}`)}
            />
          )}
        </section>
      ) : null}

      {data.reopenings.length > 0 ? (
        <section aria-labelledby="reopenings" className="mt-8">
          <h2 id="reopenings" className="mb-3">
            Reopened sign-offs
          </h2>
          <ul className="card space-y-2">
            {data.reopenings.map((r) => (
              <li key={r.id}>
                <span className="font-semibold">{formatDateTime(r.at)}</span>, by {r.byName ?? "a former user"}: {r.reason}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {data.locked && own ? <p className="mt-6"><Tag tone="green">Locked</Tag> Signed off, so nothing can be added until your manager reopens it.</p> : null}
    </>
  );
}
