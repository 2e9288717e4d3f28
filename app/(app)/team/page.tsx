import type { Metadata } from "next";
import Link from "@/components/link";
import { requireRole } from "@/lib/auth";
import type { DevelopmentSummary } from "@/db/queries/development";
import { myTeam } from "@/db/queries/homes";
import { WaitingCell, WaitingList } from "@/components/waiting-list";
import { isLive } from "@/lib/rules/apprenticeship-lifecycle";
import { todayInLondon, formatDate } from "@/lib/rules/dates";
import { pdpReviewOverdue, type AppraisalState, type PdpState } from "@/lib/rules/attention";
import { nextConversationPassed } from "@/lib/rules/career";
import { appraisalStatusWords } from "@/lib/vocabulary";
import { Tag } from "@/components/tags";
import { Stat } from "@/components/stat";
import { ScrollRegion } from "@/components/scroll-region";
import { compliancePercent, type ComplianceCounts } from "@/lib/rules/mandatory-training";
import { remindOutOfDateAction } from "./actions";
import { mailConfigured } from "@/lib/mail";
import { RemindForm } from "./remind-form";

export const metadata: Metadata = { title: "My team" };

function AppraisalCell({ r }: { r: DevelopmentSummary }) {
  const tags: Record<AppraisalState, React.ReactNode> = {
    overdue: <Tag tone="red">Overdue</Tag>,
    due_soon: <Tag tone="amber">Due soon</Tag>,
    done: <Tag tone="green">Done</Tag>,
    never: <Tag tone="grey">Never</Tag>,
  };
  return (
    <>
      {tags[r.appraisalState]}
      <span className="block text-sm">
        {r.lastAppraisalOn ? `Last ${formatDate(r.lastAppraisalOn)}` : "No appraisal yet"} · due {formatDate(r.appraisalDueOn)}
      </span>
      {r.openAppraisalStatus ? (
        <span className="block text-sm">
          {appraisalStatusWords.label(r.openAppraisalStatus)}
          {r.nextAppraisalOn ? `, ${formatDate(r.nextAppraisalOn)}` : ""}
        </span>
      ) : null}
    </>
  );
}

function PdpCell({ r, today }: { r: DevelopmentSummary; today: string }) {
  const tags: Record<PdpState, React.ReactNode> = {
    none: <Tag tone="red">None</Tag>,
    draft: <Tag tone="amber">Draft</Tag>,
    awaiting_agreement: <Tag tone="amber">Needs agreeing</Tag>,
    agreed: <Tag tone="green">Agreed</Tag>,
  };
  return (
    <>
      {tags[r.pdp]}
      {r.pdp !== "none" ? (
        <span className="block text-sm">{r.pdpLastReviewOn ? `Reviewed ${formatDate(r.pdpLastReviewOn)}` : "Not reviewed yet"}</span>
      ) : null}
      {r.pdp !== "none" && r.pdpNextReviewOn ? (
        pdpReviewOverdue(r, today) ? (
          <span className="block text-sm font-semibold text-nhs-red">Review overdue since {formatDate(r.pdpNextReviewOn)}</span>
        ) : (
          <span className="block text-sm">Next review {formatDate(r.pdpNextReviewOn)}</span>
        )
      ) : null}
    </>
  );
}

export default async function TeamPage() {
  const user = await requireRole("manager");
  const today = todayInLondon();
  const { rows, forYou, figures, training, apprentices: pipeline, mandatory } = await myTeam(user, today);
  const teamPercent = compliancePercent(mandatory.counts);
  const apprentices = pipeline.filter((a) => isLive(a.status));
  const apprenticesAtRisk = apprentices.filter((a) => a.track.risks.length > 0).length;

  return (
    <>
      <h1 className="mb-6">My team</h1>
      <div className="mb-8 grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat label="Support workers" value={rows.length} note="In post, in the teams you manage" />
        <Stat label="Appraisals overdue" value={figures.appraisalsOverdue} note="More than 12 months since the last" />
        <Stat label="Appraisals due soon" value={figures.appraisalsDueSoon} note="Due within 30 days" />
        <Stat label="Waiting for sign-off" value={figures.awaitingSignOff} note="Appraisals with the worker to sign" />
        <Stat label="Without an agreed PDP" value={figures.withoutAgreedPdp} note="No PDP, or not agreed by both of you" />
        <Stat label="PDP reviews overdue" value={figures.pdpReviewsOverdue} note="Past the next review date" />
        <Stat label="Career conversations due" value={figures.conversationsDue} note="Overdue, or never had one" />
        <Stat label="Delegations past review" value={figures.delegationsPastReview} note="Delegated tasks to review again" />
        <Stat label="Training requests to decide" value={training.count} note="Awaiting your approval or decline" />
        <Stat
          label="Apprentices at risk"
          value={<Link href="/apprenticeships?show=at_risk#list">{apprenticesAtRisk}</Link>}
          note={`Of ${apprentices.length} current: hours behind, review overdue or dates passed`}
        />
        <Stat
          label="Mandatory training in date"
          value={teamPercent === null ? "None needed" : `${teamPercent}%`}
          note={<>Of everyone&apos;s needed subjects, counted person by person ({mandatory.counts.required})</>}
        />
        <Stat label="Out of date on mandatory training" value={mandatory.outOfDate} note="People with training expired or never done" />
      </div>

      <section aria-labelledby="mandatory" className="card mb-8">
        <h2 id="mandatory" className="mb-1 text-lg">
          Mandatory training
        </h2>
        <p className="mb-3">
          {mandatory.outOfDate > 0
            ? `${mandatory.outOfDate} ${mandatory.outOfDate === 1 ? "person has" : "people have"} training expired or never done: ${mandatory.counts.expired} expired and ${mandatory.counts.never} never done across the team.`
            : "Nobody in your teams is out of date."}{" "}
          <a href="/mandatory-training/export" download>
            Download your teams&apos; mandatory training (CSV)
          </a>
        </p>
        {mandatory.outOfDate > 0 ? (
          <RemindForm action={remindOutOfDateAction} toRemind={mandatory.toRemind} recentlyReminded={mandatory.recentlyReminded} emails={mailConfigured()} />
        ) : null}
      </section>

      {forYou.length > 0 ? (
        <section aria-labelledby="for-you" className="mb-8">
          <h2 id="for-you" className="mb-1 text-lg">
            Your own record
          </h2>
          <p className="mb-3 text-nhs-secondary">In your inbox too; another manager runs your record with you.</p>
          <WaitingList reminders={forYou} showWho={false} />
        </section>
      ) : null}

      {training.count > 0 ? (
        <section aria-labelledby="training-requests" className="card mb-8">
          <h2 id="training-requests" className="mb-3 text-lg">
            Training requests awaiting a decision
          </h2>
          <ul className="space-y-2" aria-label="Training requests awaiting a decision">
            {training.requests.map((t) => (
              <li key={t.id}>
                <Link href={`/workers/${t.workerId}/cpd/requests/${t.id}`} className="font-semibold">
                  {t.workerName}: {t.title}
                </Link>
                <span className="block text-sm text-nhs-secondary">
                  Requested {formatDate(todayInLondon(t.requestedAt))}
                  {t.startsOn ? `, starts ${formatDate(t.startsOn)}` : ""}
                </span>
              </li>
            ))}
          </ul>
          {training.count > training.requests.length ? (
            <p className="mt-3 text-nhs-secondary">{`And ${training.count - training.requests.length} more, oldest shown first.`}</p>
          ) : null}
        </section>
      ) : null}

      {rows.length === 0 ? (
        <p className="card">No support workers are in the teams you manage yet.</p>
      ) : (
        <ScrollRegion label="Your team">
          <table className="table">
            <caption className="mb-2 text-left text-nhs-secondary">
              What needs doing comes first: overdue appraisals, then those due soon, then PDPs not agreed, then whoever has most to do.
              What needs doing is what is in your inbox about each worker.
            </caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">What needs doing</th>
                <th scope="col">Appraisal</th>
                <th scope="col">PDP</th>
                <th scope="col">Next career conversation</th>
                <th scope="col">Last supervision</th>
                <th scope="col">Competencies</th>
                <th scope="col">Mandatory training</th>
                <th scope="col" className="num">
                  CPD hours (12 months)
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.workerId}>
                  <td>
                    <Link href={`/workers/${r.workerId}`} className="font-semibold">
                      {r.firstName} {r.lastName}
                    </Link>
                    <span className="block text-sm">{r.jobTitle}</span>
                    <span className="block text-sm text-nhs-secondary">{r.teamName}</span>
                  </td>
                  <td className="min-w-56">
                    <WaitingCell reminders={r.waiting} workerName={`${r.firstName} ${r.lastName}`} />
                  </td>
                  <td>
                    <AppraisalCell r={r} />
                    <Link href={`/workers/${r.workerId}/appraisals`} className="block text-sm">
                      Appraisals<span className="sr-only"> for {r.firstName} {r.lastName}</span>
                    </Link>
                  </td>
                  <td>
                    <PdpCell r={r} today={today} />
                    <Link href={`/workers/${r.workerId}/pdp`} className="block text-sm">
                      PDP<span className="sr-only"> for {r.firstName} {r.lastName}</span>
                    </Link>
                  </td>
                  <td>
                    {r.nextConversationOn ? (
                      nextConversationPassed(r.nextConversationOn, today) ? (
                        <span className="font-semibold text-nhs-red">Overdue since {formatDate(r.nextConversationOn)}</span>
                      ) : (
                        formatDate(r.nextConversationOn)
                      )
                    ) : (
                      <span className="text-nhs-secondary">{r.lastConversationOn ? "None planned" : "Never had one"}</span>
                    )}
                    <Link href={`/workers/${r.workerId}/conversations`} className="block text-sm">
                      Conversations<span className="sr-only"> with {r.firstName} {r.lastName}</span>
                    </Link>
                  </td>
                  <td>{r.lastSupervisionOn ? formatDate(r.lastSupervisionOn) : <span className="text-nhs-secondary">None recorded</span>}</td>
                  <td>
                    <CompetencyCell r={r} />
                    <Link href={`/workers/${r.workerId}/competencies`} className="block text-sm">
                      Competencies<span className="sr-only"> of {r.firstName} {r.lastName}</span>
                    </Link>
                  </td>
                  <td>
                    <MandatoryCell counts={mandatory.byWorker.get(r.workerId)} />
                    <Link href={`/workers/${r.workerId}/mandatory-training`} className="block text-sm">
                      Mandatory training<span className="sr-only"> of {r.firstName} {r.lastName}</span>
                    </Link>
                  </td>
                  <td className="num">{Number(r.cpdHours12m.toFixed(1))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}

/** Where the worker stands on the framework: signed off at their stage (expired ones flagged) and readiness for the next. */
function CompetencyCell({ r }: { r: DevelopmentSummary }) {
  const percent = r.nextStageTotal > 0 ? Math.floor((r.nextStageSignedOff / r.nextStageTotal) * 100) : null;
  return (
    <>
      {r.competenciesAtStage > 0 ? (
        <span className="block">
          {r.competenciesSignedOff} of {r.competenciesAtStage} at stage
        </span>
      ) : null}
      {r.competenciesExpired > 0 ? <span className="block font-semibold text-nhs-red">{r.competenciesExpired} expired</span> : null}
      {percent !== null ? <span className="block text-sm text-nhs-secondary">Next stage {percent}% ready</span> : null}
    </>
  );
}

/** Where the worker stands on their mandatory training: in date of needed, and what is out of date. */
function MandatoryCell({ counts: c }: { counts: ComplianceCounts | undefined }) {
  if (!c || c.required === 0) return <span className="block text-nhs-secondary">None needed</span>;
  return (
    <>
      <span className="block">
        {c.in_date + c.expiring} of {c.required} in date
      </span>
      {c.expired + c.never > 0 ? (
        <span className="block font-semibold text-nhs-red">
          {[c.expired ? `${c.expired} expired` : "", c.never ? `${c.never} never done` : ""].filter(Boolean).join(", ")}
        </span>
      ) : null}
      {c.expiring > 0 ? <span className="block text-sm">{c.expiring} expiring soon</span> : null}
    </>
  );
}
