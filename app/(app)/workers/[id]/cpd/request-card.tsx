// A training request as it reads on the CPD page and on its own page: title, status and what was asked for and decided.
import { SummaryList } from "@/components/summary-list";
import { Multiline } from "@/components/multiline";
import { Tag } from "@/components/tags";
import { formatDate, formatDateTime } from "@/lib/rules/dates";
import { declineReasonWords, formatPounds, trainingStatusWords } from "@/lib/rules/cpd";
import type { learningPage } from "@/db/queries/cpd";

export type TrainingRequest = NonNullable<Awaited<ReturnType<typeof learningPage>>>["requests"][number];

const STATUS_TONE = { pending: "amber", approved: "green", declined: "red", attended: "green", withdrawn: "grey" } as const;

export function RequestCard({ request: r, heading: Heading = "h3" }: { request: TrainingRequest; heading?: "h2" | "h3" }) {
  const dates = r.startsOn ? (r.endsOn && r.endsOn !== r.startsOn ? `${formatDate(r.startsOn)} to ${formatDate(r.endsOn)}` : formatDate(r.startsOn)) : "Not set";
  const rows: Array<[string, React.ReactNode]> = [
    ["Provider", r.provider || "Not given"],
    ["Cost", r.costPence === null ? "Not given" : formatPounds(r.costPence)],
    ["Dates", dates],
    ...(r.goalTitle ? ([["PDP goal", r.goalTitle]] as Array<[string, string]>) : []),
    ["Why", <Multiline key="w" text={r.why} />],
    ["Requested", formatDateTime(r.requestedAt)],
  ];
  if (r.status === "withdrawn") rows.push(["Withdrawn", formatDateTime(r.updatedAt)]);
  if (r.decidedAt) rows.push([r.status === "declined" ? "Declined" : "Approved", `${formatDateTime(r.decidedAt)}${r.decidedByName ? ` by ${r.decidedByName}` : ""}`]);
  if (r.status === "declined" && r.declineReason) {
    rows.push(["Reason", `${declineReasonWords.label(r.declineReason)}${r.declineDetail ? `: ${r.declineDetail}` : ""}`]);
  }
  return (
    <>
      <Heading className="mb-2 text-lg">{r.title}</Heading>
      <p className="mb-3">
        <Tag tone={STATUS_TONE[r.status]}>{trainingStatusWords.label(r.status)}</Tag>
      </p>
      <SummaryList rows={rows} />
    </>
  );
}
