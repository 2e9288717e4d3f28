import type { Metadata } from "next";
import Link from "@/components/link";
import { requireRole } from "@/lib/auth";
import { otjRuleList } from "@/db/queries/apprenticeship-standards";
import { formatDate } from "@/lib/rules/dates";
import { addOtjRuleAction } from "../../actions";
import { OtjRuleForm } from "../../otj-rule-forms";
import { ruleFigure } from "../../otj-rule-words";

export const metadata: Metadata = { title: "Add an off-the-job training rule" };

export default async function NewOtjRulePage() {
  const admin = await requireRole("admin");
  const current = (await otjRuleList(admin)).find((r) => r.effectiveTo === null);
  return (
    <div className="max-w-2xl">
      <p className="mb-2">
        <Link href="/admin/apprenticeships#otj-rules">Back to apprenticeship standards</Link>
      </p>
      <h1 className="mb-2">Add an off-the-job training rule</h1>
      <p className="mb-6">
        {current
          ? `A new funding rule for apprenticeships starting on or after a date. The current rule (${ruleFigure(current).toLowerCase()}) has covered starts from ${formatDate(current.effectiveFrom)}; it will end the day before the new one begins.`
          : "The first rule: it covers apprenticeships starting on or after its date."}
      </p>
      <OtjRuleForm
        action={addOtjRuleAction}
        mode="create"
        defaults={{}}
        warning="Apprenticeships starting on or after the new rule's date move to it, including any already recorded, and their required off-the-job hours change with it."
      />
    </div>
  );
}
