import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth";
import { frameworkVersionView, type StatementRow } from "@/db/queries/frameworks";
import { renewalWords, scopeWords, versionStatusWords } from "@/lib/forms/framework";
import { formatDateTime } from "@/lib/rules/dates";
import { SummaryList } from "@/components/summary-list";
import { Tag } from "@/components/tags";
import { publishFrameworkDraftAction } from "../../../actions";
import { VersionStatusTag } from "../../../version-status-tag";
import { PublishForm } from "./publish-form";
import { SavedBanner } from "@/components/saved-banner";

export const metadata: Metadata = { title: "Framework version" };

const SAVED: Record<string, string> = {
  started: "Draft started: a copy of the published version. Workers see no change until it is published.",
  added: "Statement added.",
  updated: "Statement saved.",
  domain: "Domain saved.",
  published: "Published. Workers are now assessed against this version; the previous one is superseded.",
};

function Statement({ s, editHref }: { s: StatementRow; editHref?: string }) {
  return (
    <li id={`statement-${s.id}`} className={`border-l-4 py-2 pl-3 ${s.retiredAt ? "border-nhs-grey-4 text-nhs-secondary" : "border-nhs-blue"}`}>
      <p className="mb-1">
        <strong className="mr-2">{s.number}</strong>
        {s.retiredAt ? <del>{s.text}</del> : s.text}
      </p>
      <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <span>{renewalWords(s.renewalMonths)}</span>
        {s.bespoke ? <Tag tone="blue">Bespoke {scopeWords(s)}</Tag> : null}
        {s.retiredAt ? <Tag tone="grey">Retired</Tag> : null}
        {editHref ? (
          <Link href={editHref}>
            Edit<span className="sr-only"> statement {s.number}{s.retiredAt ? " (retired)" : ""}: {s.text.slice(0, 60)}</span>
          </Link>
        ) : null}
      </p>
    </li>
  );
}

export default async function FrameworkVersionPage({
  params,
  searchParams,
}: {
  params: Promise<{ frameworkId: string; versionId: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const admin = await requireRole("admin");
  const { frameworkId, versionId } = await params;
  const view = await frameworkVersionView(admin, frameworkId, versionId);
  if (!view) notFound();
  const { version, editable, domains, statementCount } = view;
  const saved = SAVED[(await searchParams).saved ?? ""];
  const base = `/admin/frameworks/${frameworkId}/versions/${versionId}`;

  return (
    <div className="max-w-4xl">
      <p className="mb-2">
        <Link href={`/admin/frameworks/${frameworkId}`}>Back to {version.frameworkName}</Link>
      </p>
      <p className="text-nhs-secondary break-words">{version.frameworkName}</p>
      <h1 className="mb-2">Version {version.version}</h1>
      <p className="mb-4">
        <VersionStatusTag status={version.status} />
      </p>
      <SavedBanner message={saved} />
      {editable ? (
        <p className="mb-4 max-w-3xl">
          This is a draft: change its statements and domains, then publish it. Workers are assessed against the published version until
          then.
        </p>
      ) : (
        <p className="mb-4 max-w-3xl">
          This version is {versionStatusWords[version.status].toLowerCase()}, so it cannot be changed: assessments and PDP goals point at
          its statements. To make changes, start a new version from the framework&apos;s page.
        </p>
      )}
      <div className="mb-6">
        <SummaryList
          rows={[
            ["Current statements", String(statementCount)],
            ...(editable
              ? []
              : ([
                  ["Published", formatDateTime(version.publishedAt)],
                  ["Published by", version.publishedByName ?? "Shipped with Pathways"],
                ] as Array<[string, string]>)),
            ["Notes", version.notes],
          ]}
        />
      </div>
      {editable ? (
        <p className="mb-6">
          <Link href={`${base}/statements/new`} className="btn">
            Add a statement
          </Link>
        </p>
      ) : null}

      <nav aria-label="Domains" className="mb-8">
        <ul className="space-y-1">
          {domains.map((d) => (
            <li key={d.id}>
              <a href={`#domain-${d.number}`}>
                Domain {d.number}: {d.title}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      {domains.map((d) => (
        <section key={d.id} aria-labelledby={`domain-${d.number}`} className="mb-10">
          <h2 id={`domain-${d.number}`} className="mb-2 scroll-mt-4">
            Domain {d.number}: {d.title}
          </h2>
          {d.description ? <p className="mb-2 max-w-3xl text-nhs-secondary">{d.description}</p> : null}
          {editable ? (
            <p className="mb-4">
              <Link href={`${base}/domains/${d.id}`}>
                Edit<span className="sr-only"> domain {d.number}</span> title and description
              </Link>
            </p>
          ) : null}
          {d.stages.length === 0 ? <p>No statements in this domain.</p> : null}
          {d.stages.map((g) => (
            <div key={g.stage} className="mb-6">
              <h3 className="mb-2 text-lg">{g.label}</h3>
              <ul className="space-y-3">
                {g.statements.map((s) => (
                  <Statement key={s.id} s={s} editHref={editable ? `${base}/statements/${s.id}` : undefined} />
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}

      {editable ? (
        <section aria-labelledby="publish" className="card">
          <h2 id="publish" className="mb-3 text-xl">
            Publish this version
          </h2>
          <p className="mb-4">
            Workers are then assessed against version {version.version}; the version published now becomes superseded and stays readable.
            Assessments follow each statement into this version. A published version cannot be changed.
          </p>
          <PublishForm action={publishFrameworkDraftAction.bind(null, versionId)} version={version.version} />
        </section>
      ) : null}
    </div>
  );
}
