import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth";
import { apprenticeshipPage } from "@/db/queries/apprenticeships";
import { WorkerRecordHeader } from "@/components/worker-record-nav";
import { SummaryList } from "@/components/summary-list";
import { Multiline } from "@/components/multiline";
import { Stat } from "@/components/stat";
import { Tag } from "@/components/tags";
import { ScrollRegion } from "@/components/scroll-region";
import { ApprenticeshipStatusTag, OtjRagTag, ReviewDueTag } from "@/components/apprenticeship-tags";
import { formatDate, todayInLondon } from "@/lib/rules/dates";
import { formatHours } from "@/lib/rules/cpd";
import { positionStartsOn } from "@/lib/rules/apprenticeship-lifecycle";
import { apprenticeshipStatusWords, epaResultWords } from "@/lib/vocabulary";
import {
  changeApprenticeshipStatusAction,
  deleteOtjLogAction,
  logOtjAction,
  recordEpaAction,
  recordPositionAction,
  recordReviewAction,
  startApprenticeshipAction,
  tickGatewayAction,
  untickGatewayAction,
} from "./actions";
import { EpaForm, GatewayTickForm, OtjForm, PositionForm, ReviewForm, SmallButtonForm, StartForm, StatusForm } from "./apprenticeship-forms";

export const metadata: Metadata = { title: "Apprenticeship" };

type Data = NonNullable<Awaited<ReturnType<typeof apprenticeshipPage>>>;
type Detail = NonNullable<Data["current"]>;

export default async function ApprenticeshipPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ logs?: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const { logs } = await searchParams;
  const today = todayInLondon();
  const data = await apprenticeshipPage(user, id, today, { allLogs: logs === "all" });
  if (!data) notFound();
  const { current, past } = data;
  const toRecord = data.canManage ? past.filter((p) => p.progression && !p.progression.recorded) : [];

  return (
    <>
      <WorkerRecordHeader worker={data.worker} current="apprenticeship" title="Apprenticeship" />

      {toRecord.map((a) =>
        a.progression && !a.progression.recorded && data.positionChoices ? (
          <section key={a.id} aria-labelledby={`progress-${a.id}`} className="card mb-8 border-l-8 border-l-nhs-green">
            <h2 id={`progress-${a.id}`} className="mb-2">
              Record the new position
            </h2>
            <p className="mb-4 max-w-3xl">
              {a.standardTitle} (level {a.level}) was completed on {formatDate(a.progression.completedOn)}
              {a.epaResult ? ` with a ${epaResultWords.label(a.epaResult).toLowerCase()}` : ""}. Record the role it leads to on the
              worker&apos;s position history, so progression counts it.
              {a.level >= 6 ? " A degree apprenticeship leads to registration: if they leave the support workforce, record their leaving on the profile instead." : ""}
            </p>
            <PositionForm
              action={recordPositionAction.bind(null, id, a.id)}
              stages={data.positionChoices.stages}
              bands={data.positionChoices.bands}
              start={{
                effectiveFrom: positionStartsOn(a.progression.completedOn, today),
                stageId: a.progression.suggestedStageId ?? "",
                bandId: data.currentBandId ?? "",
                jobTitle: a.progression.suggestedJobTitle,
                positionReason: a.progression.reason,
              }}
            />
          </section>
        ) : null,
      )}

      {current ? (
        <Current data={data} a={current} workerId={id} today={today} allLogs={logs === "all"} />
      ) : (
        <section aria-labelledby="none" className="mb-10">
          <h2 id="none" className="mb-2">
            No current apprenticeship
          </h2>
          <p className="mb-4 max-w-3xl text-nhs-secondary">
            {data.ownRecord
              ? "When you and your manager agree an apprenticeship, your manager records it here. Talk about it at your next career conversation."
              : "Record an apprenticeship here once the place is agreed with the training provider."}
          </p>
          {data.canManage ? (
            <div className="card">
              <h3 className="mb-4">Start an apprenticeship</h3>
              <StartForm action={startApprenticeshipAction.bind(null, id)} standards={data.choices} today={today} weeklyHours={data.suggestedWeeklyHours} />
            </div>
          ) : null}
        </section>
      )}

      {past.length > 0 ? (
        <section aria-labelledby="past">
          <h2 id="past" className="mb-3">
            Earlier apprenticeships
          </h2>
          <ul className="space-y-4">
            {past.map((a) => (
              <li key={a.id} className="card">
                <h3 className="mb-2 text-lg">
                  {a.standardTitle} (level {a.level})
                </h3>
                <p className="mb-3 flex flex-wrap gap-2">
                  <ApprenticeshipStatusTag status={a.status} />
                  {a.epaResult ? <Tag tone={a.epaResult === "fail" ? "red" : "green"}>{epaResultWords.label(a.epaResult)}</Tag> : null}
                </p>
                <SummaryList
                  rows={[
                    ...(a.optionName ? ([["Option", a.optionName]] as Array<[string, string]>) : []),
                    ["Training provider", a.provider],
                    ["Dates", `${formatDate(a.startDate)} to ${formatDate(a.actualEndDate ?? a.plannedEndDate)}`],
                    ...(a.withdrawnReason ? ([["Why it was withdrawn", a.withdrawnReason]] as Array<[string, string]>) : []),
                    ["Off-the-job hours logged", formatHours(a.track.logged)],
                  ]}
                />
                <details className="mt-3">
                  <summary className="cursor-pointer font-semibold text-nhs-blue">Status history</summary>
                  <StatusHistory a={a} />
                </details>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

function Current({ data, a, workerId, today, allLogs }: { data: Data; a: Detail; workerId: string; today: string; allLogs: boolean }) {
  const t = a.track;
  const ruleText = t.required.ok ? t.required.rule.description : (t.required.rule?.description ?? "");
  const canUntick = data.canManage && a.status !== "end_point_assessment";
  return (
    <div className="mb-10">
      <section aria-labelledby="current" className="mb-8">
        <h2 id="current" className="mb-2">
          {a.standardTitle} (level {a.level})
        </h2>
        <p className="mb-4 flex flex-wrap gap-2">
          <ApprenticeshipStatusTag status={a.status} />
          {t.rag ? <OtjRagTag rag={t.rag} /> : null}
          {t.review ? <ReviewDueTag review={t.review} /> : null}
        </p>
        {t.risks.length > 0 ? (
          <div className="card mb-4 border-l-8 border-l-nhs-red" role="note" aria-label="At risk">
            <h3 className="mb-2 text-lg">At risk</h3>
            <ul className="list-disc space-y-1 pl-6">
              {t.risks.map((r) => (
                <li key={r.kind}>{r.message}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <SummaryList
          rows={[
            ["Standard", `${a.standardTitle}, level ${a.level} (${a.standardReference})`],
            ...(a.optionName ? ([["Option", a.optionName]] as Array<[string, string]>) : []),
            ["Training provider", a.provider],
            ["Start date", formatDate(a.startDate)],
            ["Planned end date", formatDate(a.plannedEndDate)],
            ["Contracted hours a week", formatHours(a.weeklyHours)],
            ["Status", apprenticeshipStatusWords.label(a.status)],
          ]}
        />
      </section>

      <section aria-labelledby="status" className="mb-10">
        <h2 id="status" className="mb-3">
          Status
        </h2>
        <StatusHistory a={a} />
        {data.canManage && a.nextStatuses.length > 0 ? (
          <StatusForm action={changeApprenticeshipStatusAction.bind(null, workerId, a.id)} next={a.nextStatuses} current={a.status} today={today} />
        ) : null}
      </section>

      <section aria-labelledby="otj" className="mb-10">
        <h2 id="otj" className="mb-3">
          Off-the-job training
        </h2>
        <div className="mb-4 grid grid-cols-2 gap-4 lg:grid-cols-4">
          <Stat label="Hours logged" value={formatHours(t.logged)} note={`In ${a.logCount} ${a.logCount === 1 ? "entry" : "entries"}`} />
          <Stat label="Hours expected by today" value={t.expected === null ? "–" : formatHours(Math.round(t.expected * 10) / 10)} note={t.percentOfExpected === null ? "Nothing due yet" : `${t.percentOfExpected}% done`} />
          <Stat label="Hours required" value={t.required.ok ? formatHours(t.required.hours) : "–"} note="For the whole programme" />
          <Stat label="On track?" value={t.rag ? <OtjRagTag rag={t.rag} /> : "–"} note="Green at 90% of expected, amber at 75%" />
        </div>
        <div className="card mb-6">
          <h3 className="mb-2 text-lg">The rule that applies</h3>
          {t.required.ok ? (
            <p className="mb-2">
              {t.required.hours} hours: {t.required.basis}.
            </p>
          ) : (
            <p className="mb-2 font-bold text-nhs-red">{t.required.message}</p>
          )}
          <p className="text-nhs-secondary">
            Started on {formatDate(a.startDate)}, so this rule applies: {ruleText}
          </p>
        </div>
        {data.canLog && a.status !== "planned" ? (
          <div className="card mb-6">
            <h3 className="mb-4">Log off-the-job training</h3>
            <OtjForm action={logOtjAction.bind(null, workerId, a.id)} today={today} />
          </div>
        ) : null}
        {a.logs.length === 0 ? (
          <p className="card">No off-the-job training logged yet.</p>
        ) : (
          <>
            <h3 className="mb-2 text-lg">{allLogs || a.logCount <= a.logs.length ? "Every entry, newest first" : `The latest ${a.logs.length} of ${a.logCount} entries`}</h3>
            <ScrollRegion label="Off-the-job training entries, table">
              <table className="table">
                <caption className="sr-only">Off-the-job training: date, hours, kind of training, note and who logged it</caption>
                <thead>
                  <tr>
                    <th scope="col">Date</th>
                    <th scope="col" className="num">
                      Hours
                    </th>
                    <th scope="col">Kind</th>
                    <th scope="col" className="max-md:hidden">
                      Note
                    </th>
                    <th scope="col">Logged by</th>
                    {data.canLog ? <th scope="col">Action</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {a.logs.map((l) => (
                    <tr key={l.id}>
                      <td>{formatDate(l.activityOn)}</td>
                      <td className="num">{formatHours(l.hours)}</td>
                      <td>{l.activityType}</td>
                      <td className="max-md:hidden">{l.note}</td>
                      <td>{l.loggedByName ?? "Unknown"}</td>
                      {data.canLog ? (
                        <td>
                          {l.canRemove ? (
                            <SmallButtonForm action={deleteOtjLogAction.bind(null, workerId, l.id)} label={`Remove ${formatHours(l.hours)} on ${formatDate(l.activityOn)}`}>
                              Remove<span className="sr-only">: {formatHours(l.hours)} on {formatDate(l.activityOn)}</span>
                            </SmallButtonForm>
                          ) : null}
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
            {!allLogs && a.logCount > a.logs.length ? (
              <p className="mt-2">
                <Link href={`/workers/${workerId}/apprenticeship?logs=all#otj`}>Show all {a.logCount} entries</Link>
              </p>
            ) : null}
          </>
        )}
      </section>

      <section aria-labelledby="reviews" className="mb-10">
        <h2 id="reviews" className="mb-1">
          Progress reviews
        </h2>
        <p className="mb-4 text-nhs-secondary">
          {t.review
            ? `Tripartite reviews with the apprentice, the employer and the training provider, within 12 weeks of each other. The next is due by ${formatDate(t.review.dueOn)}.`
            : "Tripartite reviews with the apprentice, the employer and the training provider, within 12 weeks of each other."}
        </p>
        {data.canManage && a.status !== "planned" ? (
          <div className="card mb-6">
            <h3 className="mb-4">Record a progress review</h3>
            <ReviewForm action={recordReviewAction.bind(null, workerId, a.id)} today={today} />
          </div>
        ) : null}
        {a.reviews.length === 0 ? (
          <p className="card">No progress reviews recorded yet.</p>
        ) : (
          <>
            <ReviewList reviews={a.reviews.slice(0, REVIEWS_SHOWN)} label="Progress reviews, newest first" />
            {a.reviews.length > REVIEWS_SHOWN ? (
              <details className="mt-4">
                <summary className="cursor-pointer font-semibold text-nhs-blue">Earlier reviews ({a.reviews.length - REVIEWS_SHOWN})</summary>
                <div className="mt-3">
                  <ReviewList reviews={a.reviews.slice(REVIEWS_SHOWN)} label="Earlier progress reviews" />
                </div>
              </details>
            ) : null}
          </>
        )}
      </section>

      <section aria-labelledby="gateway" className="mb-10">
        <h2 id="gateway" className="mb-1">
          Gateway and end-point assessment
        </h2>
        <p className="mb-4 text-nhs-secondary">
          {a.gateway.length === 0
            ? "This standard has no gateway checklist recorded."
            : a.gatewayOutstanding === 0
              ? "Every gateway requirement is met."
              : `${a.gateway.length - a.gatewayOutstanding} of ${a.gateway.length} gateway requirements met. Every one must be ticked before end-point assessment starts.`}
        </p>
        {a.gateway.length > 0 ? (
          <ul className="mb-6 space-y-3" aria-label="Gateway checklist">
            {a.gateway.map((g) => (
              <li key={g.id} className={`card ${g.check ? "border-l-8 border-l-nhs-green" : ""}`}>
                <p className="font-semibold">
                  {g.check ? <Tag tone="green">Met</Tag> : <Tag tone="grey">To do</Tag>} {g.label}
                </p>
                {g.check ? (
                  <p className="mt-1 text-nhs-secondary">
                    Met on {formatDate(g.check.completedOn)}
                    {g.check.checkedByName ? `, checked by ${g.check.checkedByName}` : ""}. Evidence: {g.check.evidence}
                  </p>
                ) : null}
                {g.check && canUntick ? (
                  <SmallButtonForm action={untickGatewayAction.bind(null, workerId, a.id, g.id)} label={`Untick: ${g.label}`}>
                    Untick<span className="sr-only">: {g.label}</span>
                  </SmallButtonForm>
                ) : null}
                {!g.check && data.canManage && a.status !== "planned" ? (
                  <GatewayTickForm action={tickGatewayAction.bind(null, workerId, a.id, g.id)} requirementId={g.id} label={g.label} today={today} />
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
        {a.epaResult ? (
          <p className="card mb-4">
            End-point result: <strong>{epaResultWords.label(a.epaResult)}</strong> on {formatDate(a.epaResultOn)}
            {a.epaResult === "fail" ? ". Record the resit result when it is known." : "."}
          </p>
        ) : null}
        {data.canManage && a.status === "end_point_assessment" ? (
          <div className="card">
            <h3 className="mb-4">Record the end-point result</h3>
            <EpaForm action={recordEpaAction.bind(null, workerId, a.id)} today={today} />
          </div>
        ) : null}
      </section>

    </div>
  );
}

const REVIEWS_SHOWN = 3;

function ReviewList({ reviews, label }: { reviews: Detail["reviews"]; label: string }) {
  return (
    <ul className="space-y-4" aria-label={label}>
      {reviews.map((r) => (
        <li key={r.id} className="card">
          <h3 className="mb-2 text-lg">{formatDate(r.reviewedOn)}</h3>
          <SummaryList
            rows={[
              ["Who attended", r.attendees],
              ["Progress", <Multiline key="p" text={r.progress} />],
              ...(r.concerns ? ([["Concerns", <Multiline key="c" text={r.concerns} />]] as Array<[string, React.ReactNode]>) : []),
              ...(r.actions ? ([["Actions", <Multiline key="a" text={r.actions} />]] as Array<[string, React.ReactNode]>) : []),
              ...(r.nextReviewOn ? ([["Next review", formatDate(r.nextReviewOn)]] as Array<[string, string]>) : []),
              ...(r.recordedByName ? ([["Recorded by", r.recordedByName]] as Array<[string, string]>) : []),
            ]}
          />
        </li>
      ))}
    </ul>
  );
}

function StatusHistory({ a }: { a: Detail }) {
  return (
    <ScrollRegion label="Status history, table">
      <table className="table mt-2">
        <caption className="sr-only">Status history: date, status, reason and who recorded it</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Status</th>
            <th scope="col">Reason</th>
            <th scope="col" className="max-md:hidden">
              Recorded by
            </th>
          </tr>
        </thead>
        <tbody>
          {a.changes.map((c) => (
            <tr key={c.id}>
              <td>{formatDate(c.effectiveOn)}</td>
              <td>{apprenticeshipStatusWords.label(c.toStatus)}</td>
              <td>{c.reason}</td>
              <td className="max-md:hidden">{c.byName ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
