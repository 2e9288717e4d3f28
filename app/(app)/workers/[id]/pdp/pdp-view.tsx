// Pieces of a PDP shared by the current PDP page, an earlier PDP's page and the print view.
import Link from "@/components/link";
import { Tag } from "@/components/tags";
import { SummaryList } from "@/components/summary-list";
import { formatDate } from "@/lib/rules/dates";
import { isReviewOverdue, pdpStage, pdpStageWords } from "@/lib/rules/pdp";
import { actionOwnerWords, goalStatusWords, noteKindWords, ownActionOwnerWords, supportWords, type GoalStatus } from "@/lib/vocabulary";
import type { PdpGoalView, PdpView } from "@/db/queries/pdps";

const AT = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "Europe/London" });
const TIME = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/London" });

/** "3 Nov 2026 at 14:05", London time. */
export function formatMoment(at: Date): string {
  return `${AT.format(at)} at ${TIME.format(at)}`;
}

export function PdpStatusTag({ pdp }: { pdp: Pick<PdpView, "status" | "version" | "workerAgreedAt" | "managerAgreedAt"> }) {
  const tone = { draft: "grey", agreed: "green", awaiting: "amber", closed: "grey" } as const;
  return <Tag tone={tone[pdpStage(pdp)]}>{pdpStageWords(pdp)}</Tag>;
}

const GOAL_TONES: Record<GoalStatus, "grey" | "blue" | "green" | "amber"> = {
  not_started: "grey",
  in_progress: "blue",
  achieved: "green",
  deferred: "amber",
  dropped: "grey",
};

export function GoalStatusTag({ status }: { status: GoalStatus }) {
  return <Tag tone={GOAL_TONES[status]}>{goalStatusWords.label(status)}</Tag>;
}

/** Who agreed this version, and when; or who still has to. `own`: read on screen by the worker, who is "you". */
export function agreementRows(pdp: PdpView, workerName: string, own = false): Array<[string, React.ReactNode]> {
  return [
    [
      own ? "Agreed by you" : "Agreed by the worker",
      pdp.workerAgreedAt
        ? `${own ? "You agreed it" : `Agreed by ${workerName}`} on ${formatMoment(pdp.workerAgreedAt)}`
        : pdp.status === "closed"
          ? "Not agreed"
          : `Waiting for ${own ? "you" : workerName}`,
    ],
    [
      "Agreed by the manager",
      pdp.managerAgreedAt
        ? `Agreed by ${pdp.managerAgreedByName ?? "a manager"} on ${formatMoment(pdp.managerAgreedAt)}`
        : pdp.status === "closed"
          ? "Not agreed"
          : "Waiting for a manager",
    ],
  ];
}

export function NextReview({ on, today }: { on: string | null; today: string }) {
  if (!on) return <span className="text-nhs-secondary">Not set</span>;
  return isReviewOverdue(on, today) ? (
    <span className="font-semibold text-nhs-red">
      {formatDate(on)} <Tag tone="red">Overdue</Tag>
    </span>
  ) : (
    <>{formatDate(on)}</>
  );
}

/** The plan's key facts: period, status, version, agreements, next review. */
export function PdpSummary({ pdp, workerName, today, own = false }: { pdp: PdpView; workerName: string; today: string; own?: boolean }) {
  return (
    <SummaryList
      rows={[
        ["Period", `${formatDate(pdp.periodStart)} to ${formatDate(pdp.periodEnd)}`],
        ["Status", <PdpStatusTag key="s" pdp={pdp} />],
        ["Version", String(pdp.version)],
        ...agreementRows(pdp, workerName, own),
        pdp.status === "closed"
          ? ["Closed", pdp.closedAt ? formatMoment(pdp.closedAt) : null]
          : ["Next review", <NextReview key="r" on={pdp.nextReviewOn} today={today} />],
      ]}
    />
  );
}

export function domainWords(g: Pick<PdpGoalView, "domains">): string {
  return g.domains.map((d) => `${d.number}. ${d.title}`).join("; ");
}

export function supportList(g: Pick<PdpGoalView, "support">): string {
  return g.support.map((k) => supportWords.label(k)).join(", ");
}

export function sourceWords(g: Pick<PdpGoalView, "source">): string | null {
  if (!g.source) return null;
  if (g.source.kind === "objective") {
    return `Objective from the appraisal${g.source.heldOn ? ` held on ${formatDate(g.source.heldOn)}` : ""}`;
  }
  return `Step agreed in the career conversation on ${formatDate(g.source.heldOn)}`;
}

/** A goal in full, with its SMART fields, actions and latest notes: for an earlier PDP's page and the print view. */
export function GoalDetail({ goal, headingLevel = 3, own = false }: { goal: PdpGoalView; headingLevel?: 2 | 3; own?: boolean }) {
  const H = headingLevel === 2 ? "h2" : "h3";
  const owners = own ? ownActionOwnerWords : actionOwnerWords;
  const Sub = headingLevel === 2 ? "h3" : "h4";
  return (
    <article className="card print-keep mb-6">
      <H className="mb-2 text-xl">{goal.title}</H>
      <p className="mb-3 flex flex-wrap items-center gap-2">
        <GoalStatusTag status={goal.status} />
        {goal.agreedAt ? null : <Tag tone="amber">Proposed, not yet agreed</Tag>}
      </p>
      <SummaryList
        rows={[
          ["Why it matters", goal.why],
          ["How success will be seen", goal.successMeasure],
          ["Target date", goal.targetDate ? formatDate(goal.targetDate) : null],
          ...(goal.statusReason ? ([["Reason", goal.statusReason]] as Array<[string, string]>) : []),
          ["Framework domains", domainWords(goal)],
          ["Support", supportList(goal)],
          ["Proposed by", owners.label(goal.proposedBy)],
          ...(goal.source ? ([["Came from", sourceWords(goal)]] as Array<[string, string | null]>) : []),
        ]}
      />
      <Sub className="mt-4 mb-2 text-lg">Actions</Sub>
      {goal.actions.length === 0 ? (
        <p className="text-nhs-secondary">No actions yet.</p>
      ) : (
        <ul className="list-disc space-y-1 pl-6">
          {goal.actions.map((a) => (
            <li key={a.id}>
              {a.description}{" "}
              <span className="text-nhs-secondary">
                ({owners.label(a.owner)}
                {a.dueOn ? `, due ${formatDate(a.dueOn)}` : ""}
                {a.doneOn ? `, done ${formatDate(a.doneOn)}` : ""})
              </span>
            </li>
          ))}
        </ul>
      )}
      <Sub className="mt-4 mb-2 text-lg">Latest notes</Sub>
      {goal.notes.length === 0 ? (
        <p className="text-nhs-secondary">No notes yet.</p>
      ) : (
        <ul className="space-y-3">
          {goal.notes.map((n) => (
            <li key={n.id}>
              <p className="text-sm text-nhs-secondary">
                {noteKindWords.label(n.kind)} · {n.authorName ?? "Unknown"} · {formatMoment(n.createdAt)}
              </p>
              <p className="whitespace-pre-line">{n.body}</p>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

export function ReviewList({ reviews }: { reviews: PdpView["reviews"] }) {
  if (reviews.length === 0) return <p className="mb-6 text-nhs-secondary">No reviews recorded yet.</p>;
  return (
    <ol className="mb-6 space-y-4">
      {reviews.map((r) => (
        <li key={r.id} className="border-l-4 border-nhs-grey-4 pl-4">
          <p className="font-semibold">
            {formatDate(r.reviewedOn)}
            {r.reviewerName ? <span className="font-normal text-nhs-secondary"> · {r.reviewerName}</span> : null}
          </p>
          <p className="whitespace-pre-line">{r.summary}</p>
          {r.nextReviewOn ? <p className="text-sm text-nhs-secondary">Next review set for {formatDate(r.nextReviewOn)}</p> : null}
        </li>
      ))}
    </ol>
  );
}

export function EarlierPdps({ workerId, earlier }: { workerId: string; earlier: { id: string; periodStart: string; periodEnd: string; goals: number; achieved: number }[] }) {
  if (earlier.length === 0) return <p className="text-nhs-secondary">No earlier PDPs.</p>;
  return (
    <ul className="space-y-2">
      {earlier.map((p) => (
        <li key={p.id}>
          <Link href={`/workers/${workerId}/pdp/${p.id}`}>
            PDP {formatDate(p.periodStart)} to {formatDate(p.periodEnd)}
          </Link>{" "}
          <span className="text-nhs-secondary">
            · {p.goals === 0 ? "no goals" : `${p.achieved} of ${p.goals} ${p.goals === 1 ? "goal" : "goals"} achieved`}
          </span>
        </li>
      ))}
    </ul>
  );
}
