import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth";
import { otjRuleForAdmin } from "@/db/queries/apprenticeship-standards";
import { otjValueText } from "@/lib/forms/otj-rule";
import { Tag } from "@/components/tags";
import { removeScheduledOtjRuleAction, updateOtjRuleAction } from "../../actions";
import { OtjRuleForm, RemoveRuleForm } from "../../otj-rule-forms";
import { apprenticeshipCount, ruleFigure, ruleRange } from "../../otj-rule-words";

export const metadata: Metadata = { title: "Off-the-job training rule" };

export default async function OtjRulePage({ params }: { params: Promise<{ ruleId: string }> }) {
  const admin = await requireRole("admin");
  const { ruleId } = await params;
  const found = await otjRuleForAdmin(admin, ruleId);
  if (!found) notFound();
  const { rule } = found;
  const range = ruleRange(rule);
  const under = found.apprenticeships;
  const warning =
    `Changing this rule changes the required off-the-job hours of every apprenticeship starting in its dates, ` +
    `including ones already under way: ${under === 0 ? "none are recorded yet" : `${apprenticeshipCount(under)} so far`}. ` +
    `Correct it to match the funding rules; for a new funding rule, add a rule from the date it takes effect instead.`;

  return (
    <div className="max-w-2xl">
      <p className="mb-2">
        <Link href="/admin/apprenticeships#otj-rules">Back to apprenticeship standards</Link>
      </p>
      <p className="text-nhs-secondary">Off-the-job training rule</p>
      <h1 className="mb-3">Apprenticeships starting {range.replace(/^From /, "from ")}</h1>
      {rule.effectiveTo === null || found.scheduled ? (
        <p className="mb-2 flex flex-wrap gap-2">
          {found.scheduled ? <Tag tone="amber">Not yet in force</Tag> : <Tag tone="green">Current</Tag>}
        </p>
      ) : null}
      <p className="mb-6">{ruleFigure(rule)}.</p>

      <section aria-labelledby="change" className="mb-10">
        <h2 id="change" className="mb-4">
          Change the rule
        </h2>
        <OtjRuleForm
          action={updateOtjRuleAction.bind(null, rule.id)}
          mode="edit"
          kind={rule.kind}
          warning={warning}
          defaults={{ value: otjValueText(rule.kind, rule.value), minimumHours: rule.minimumHours === null ? "" : String(rule.minimumHours), description: rule.description }}
        />
      </section>

      {found.scheduled ? (
        <section aria-labelledby="remove" className="card">
          <h2 id="remove" className="mb-3 text-xl">
            Take this rule away
          </h2>
          <p className="mb-4">It has not taken effect yet. Taking it away lets the rule before it cover every later start again.</p>
          <RemoveRuleForm action={removeScheduledOtjRuleAction.bind(null, rule.id)} />
        </section>
      ) : null}
    </div>
  );
}
