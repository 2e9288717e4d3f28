import { draftName } from "@/lib/forms/drafts";
import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth";
import { learningPage, requestToAttend } from "@/db/queries/cpd";
import { WorkerRecordHeader } from "@/components/worker-record-nav";
import { SummaryList } from "@/components/summary-list";
import { Multiline } from "@/components/multiline";
import { Stat } from "@/components/stat";
import { Tag } from "@/components/tags";
import { SavedBanner } from "@/components/saved-banner";
import { formatDate, todayInLondon } from "@/lib/rules/dates";
import { cpdTypeWords } from "@/lib/vocabulary";
import { attendedOnDefault, formatHours, learningKindWords } from "@/lib/rules/cpd";
import { addCpdAction, requestTrainingAction, withdrawRequestAction } from "./actions";
import { CpdForm, RequestForm, WithdrawForm } from "./cpd-forms";
import { RequestCard } from "./request-card";

export const metadata: Metadata = { title: "CPD and training" };

const SAVED: Record<string, string> = {
  "cpd-updated": "CPD activity changed.",
  "cpd-deleted": "CPD activity deleted.",
};

export default async function CpdPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ attend?: string; saved?: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const { attend, saved } = await searchParams;
  const today = todayInLondon();
  const data = await learningPage(user, id, today);
  if (!data) notFound();
  const toAttend = data.canAdd && typeof attend === "string" ? await requestToAttend(user, id, attend) : undefined;
  const attendedOn = toAttend ? attendedOnDefault(toAttend, today) : today;
  const pending = data.requests.filter((r) => r.status === "pending").length;

  return (
    <>
      <WorkerRecordHeader worker={data.worker} current="cpd" title="CPD and training" />
      <SavedBanner message={typeof saved === "string" ? SAVED[saved] : undefined} />
      {user.role === "lead" ? (
        <p className="mb-4 border-l-8 border-nhs-blue bg-white p-3">Leads read CPD and training requests; only the worker, their manager or an administrator adds to or changes them.</p>
      ) : null}
      <p className="mb-6">
        <a href="#requests">Go to training requests{pending ? ` (${pending} awaiting a decision)` : ""}</a>
      </p>

      <section aria-labelledby="totals" className="mb-8">
        <h2 id="totals" className="mb-3">
          The last 12 months
        </h2>
        <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
          <Stat label="CPD hours" value={formatHours(data.totals.hours)} note={`${data.totals.activities} ${data.totals.activities === 1 ? "activity" : "activities"}`} />
          <Stat label="Formal learning" value={formatHours(data.totals.formalHours)} note="Hours" />
          <Stat label="Informal learning" value={formatHours(data.totals.informalHours)} note="Hours" />
        </div>
      </section>

      <section aria-labelledby="cpd" className="mb-10">
        <h2 id="cpd" className="mb-3">
          CPD activities
        </h2>
        {data.canAdd ? (
          <div className="card mb-6" id="add-cpd">
            <h3 className="mb-4">{toAttend ? `Record as attended: ${toAttend.title}` : "Add a CPD activity"}</h3>
            <CpdForm
              action={addCpdAction.bind(null, id)}
              draft={toAttend ? draftName("cpd-attended", toAttend.id) : draftName("cpd-new", id)}
              goals={data.goals}
              today={today}
              attending={toAttend ? { id: toAttend.id, title: toAttend.title, activityOn: attendedOn, pdpGoalId: toAttend.pdpGoalId } : undefined}
            />
          </div>
        ) : null}
        {data.activities.length === 0 ? (
          <p className="card">No CPD recorded yet.</p>
        ) : (
          <ul className="space-y-4" aria-label="CPD activities, newest first">
            {data.activities.map((a) => (
              <li key={a.id} className="card">
                <h3 className="mb-2 text-lg">{a.title}</h3>
                <p className="mb-3 flex flex-wrap gap-2">
                  <Tag tone="grey">{formatDate(a.activityOn)}</Tag>
                  <Tag tone="blue">{cpdTypeWords.label(a.type)}</Tag>
                  <Tag tone={a.learning === "formal" ? "green" : "grey"}>{learningKindWords.label(a.learning)}</Tag>
                  {a.trainingRequestId ? <Tag tone="green">From a training request</Tag> : null}
                </p>
                <SummaryList
                  rows={[
                    ["Hours", formatHours(a.hours)],
                    ...(a.goalTitle ? ([["PDP goal", a.goalTitle]] as Array<[string, string]>) : []),
                    ...(a.reflectionWhat ? ([["What happened", <Multiline key="w" text={a.reflectionWhat} />]] as Array<[string, React.ReactNode]>) : []),
                    ...(a.reflectionSoWhat ? ([["So what", <Multiline key="s" text={a.reflectionSoWhat} />]] as Array<[string, React.ReactNode]>) : []),
                    ...(a.reflectionNowWhat ? ([["Now what", <Multiline key="n" text={a.reflectionNowWhat} />]] as Array<[string, React.ReactNode]>) : []),
                  ]}
                />
                {data.canAdd ? (
                  <p className="mt-3">
                    <Link href={`/workers/${id}/cpd/${a.id}/edit`} className="font-semibold">
                      Change or delete<span className="sr-only">: {a.title}</span>
                    </Link>
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="requests">
        <h2 id="requests" className="mb-1">
          Training requests
        </h2>
        <p className="mb-4 text-nhs-secondary">
          {data.requests.length === 0 ? "No training requested yet." : `${data.requests.length} ${data.requests.length === 1 ? "request" : "requests"}${pending ? `, ${pending} awaiting a decision` : ""}.`}
        </p>
        {data.canAdd ? (
          <div className="card mb-6">
            <h3 className="mb-4">Request training</h3>
            <RequestForm action={requestTrainingAction.bind(null, id)} goals={data.goals} />
          </div>
        ) : null}
        {data.requests.length > 0 ? (
          <ul className="space-y-4" aria-label="Training requests">
            {data.requests.map((r) => (
              <li key={r.id} className={`card ${r.status === "pending" ? "border-l-8 border-l-nhs-warm-yellow" : ""}`}>
                <RequestCard request={r} />
                {r.status === "pending" && (data.canDecide || data.canAdd) ? (
                  <div className="mt-4 border-t border-nhs-grey-4 pt-4">
                    {data.canDecide ? (
                      <p>
                        <Link href={`/workers/${id}/cpd/requests/${r.id}`} className="font-semibold">
                          Approve or decline<span className="sr-only">: {r.title}</span>
                        </Link>
                      </p>
                    ) : null}
                    {data.canAdd ? <WithdrawForm action={withdrawRequestAction.bind(null, id, r.id)} requestId={r.id} title={r.title} /> : null}
                  </div>
                ) : null}
                {r.status === "approved" && data.canAdd ? (
                  <p className="mt-4 border-t border-nhs-grey-4 pt-4">
                    <Link href={`/workers/${id}/cpd?attend=${r.id}#add-cpd`} className="font-semibold">
                      Record as attended<span className="sr-only">: {r.title}</span>
                    </Link>
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </>
  );
}
