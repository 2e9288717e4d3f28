// Tags for an apprenticeship: its status, its off-the-job hours (red/amber/green, in words) and its next review.
import { Tag } from "./tags";
import { formatDate } from "@/lib/rules/dates";
import { apprenticeshipStatusWords, type ApprenticeshipStatus } from "@/lib/vocabulary";
import type { OtjRag } from "@/lib/rules/off-the-job";
import type { ReviewDue } from "@/lib/rules/apprenticeship-reviews";

const STATUS_TONE = {
  planned: "grey",
  on_programme: "blue",
  break_in_learning: "amber",
  gateway: "blue",
  end_point_assessment: "blue",
  completed: "green",
  withdrawn: "grey",
} as const;

export function ApprenticeshipStatusTag({ status }: { status: ApprenticeshipStatus }) {
  return <Tag tone={STATUS_TONE[status]}>{apprenticeshipStatusWords.label(status)}</Tag>;
}

const RAG_WORDS = { green: "Hours on track", amber: "Hours falling behind", red: "Hours behind" } as const;

export function OtjRagTag({ rag }: { rag: OtjRag }) {
  return <Tag tone={rag}>{RAG_WORDS[rag]}</Tag>;
}

export function ReviewDueTag({ review }: { review: ReviewDue }) {
  if (review.status === "overdue") return <Tag tone="red">Review overdue since {formatDate(review.dueOn)}</Tag>;
  if (review.status === "due_soon") return <Tag tone="amber">Review due by {formatDate(review.dueOn)}</Tag>;
  if (review.status === "not_started") return null;
  return <Tag tone="green">Review due by {formatDate(review.dueOn)}</Tag>;
}
