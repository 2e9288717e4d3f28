import type { Metadata } from "next";
import Link from "@/components/link";
import { requireRole } from "@/lib/auth";
import { feedbackIsAnonymous } from "@/db/queries/appraisal-feedback";
import { ANONYMOUS_SAFE_FROM } from "@/lib/rules/appraisal-feedback";
import { FeedbackSettingForm } from "./setting-form";
import { saveFeedbackSettingAction } from "./actions";

export const metadata: Metadata = { title: "Appraisal feedback" };

/** The organisation's choice of how colleagues' feedback for appraisals is shown: named (the default) or anonymous. */
export default async function AppraisalFeedbackSettingPage() {
  const user = await requireRole("admin");
  const anonymous = await feedbackIsAnonymous(user.orgId);
  return (
    <>
      <p className="mb-2">
        <Link href="/admin">Back to administration</Link>
      </p>
      <h1 className="mb-2">Appraisal feedback</h1>
      <div className="mb-6 max-w-3xl space-y-2 text-nhs-secondary">
        <p>
          A worker or their manager can ask up to five colleagues for short feedback for an appraisal. Only the worker and their manager read it;
          leads and administrators do not.
        </p>
        <p>
          Shown anonymously, it carries no name on the appraisal; the audit trail still records who gave it, and the colleague is told so. With
          fewer than {ANONYMOUS_SAFE_FROM} responses the page warns that the giver could be identified. Feedback already given keeps how its giver
          was told it would be shown. Every change is audited.
        </p>
      </div>
      <div className="card max-w-3xl">
        <FeedbackSettingForm action={saveFeedbackSettingAction} shownAs={anonymous ? "anonymous" : "named"} />
      </div>
    </>
  );
}
