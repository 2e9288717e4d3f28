import type { Metadata } from "next";
import Link from "@/components/link";
import { requireRole } from "@/lib/auth";
import { frameworkList } from "@/db/queries/frameworks";
import { assessedFrameworkKey } from "@/db/queries/assessed-framework";
import { FRAMEWORK_STAGES, frameworkStageWords } from "@/lib/vocabulary";
import { formatDateTime } from "@/lib/rules/dates";
import { SummaryList } from "@/components/summary-list";
import { Tag } from "@/components/tags";
import { AssessedFrameworkForm } from "./assessed-framework-form";
import { chooseFrameworkAction } from "./actions";

export const metadata: Metadata = { title: "Competency frameworks" };

const statements = (n: number) => `${n.toLocaleString("en-GB")} ${n === 1 ? "statement" : "statements"}`;

export default async function FrameworksPage() {
  const admin = await requireRole("admin");
  const rows = await frameworkList(admin);
  const assessed = await assessedFrameworkKey();
  const published = rows.filter((f) => f.published);
  return (
    <>
      <h1 className="mb-2">Competency frameworks</h1>
      <p className="mb-2 max-w-3xl">
        The frameworks support workers are assessed against. Workers always see the latest published version. Changes are made in a
        draft version, which workers do not see until it is published.
      </p>
      <p className="mb-8 max-w-3xl text-nhs-secondary">
        A published version is never changed: assessments and PDP goals made against it keep pointing at its statements, and follow
        the same statement into the next version.
      </p>
      {published.length > 0 ? (
        <section className="card mb-8 max-w-3xl" aria-labelledby="assessed-heading">
          <h2 id="assessed-heading" className="mb-4 text-xl">
            Which framework workers are assessed against
          </h2>
          <AssessedFrameworkForm
            action={chooseFrameworkAction}
            options={published.map((f) => [f.id, f.name] as const)}
            current={published.find((f) => f.key === assessed)?.id}
          />
        </section>
      ) : null}
      {rows.length === 0 ? <p>There are no frameworks yet.</p> : null}
      <ul className="space-y-6">
        {rows.map((f) => (
          <li key={f.id} className="card">
            <h2 className="mb-2 text-xl">
              <Link href={`/admin/frameworks/${f.id}`}>{f.name}</Link>
            </h2>
            <p className="mb-4">
              {f.key === assessed ? <Tag tone="blue">Workers are assessed against it</Tag> : null}{" "}
              {f.published ? <Tag tone="green">Version {f.published.version} published</Tag> : <Tag tone="grey">Not published</Tag>}{" "}
              {f.draft ? <Tag tone="amber">Draft version {f.draft.version} in progress</Tag> : null}
            </p>
            <SummaryList
              rows={[
                ["Published", formatDateTime(f.published?.publishedAt)],
                ...FRAMEWORK_STAGES.map((s) => [frameworkStageWords.label(s), statements(f.counts[s])] as [string, string]),
                ["Of which bespoke", statements(f.bespoke)],
                ["Draft", f.draft ? `Version ${f.draft.version}` : "None"],
              ]}
            />
          </li>
        ))}
      </ul>
    </>
  );
}
