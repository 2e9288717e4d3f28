import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth";
import { frameworkDetail } from "@/db/queries/frameworks";
import { formatDateTime } from "@/lib/rules/dates";
import { SummaryList } from "@/components/summary-list";
import { discardFrameworkDraftAction, startFrameworkDraftAction } from "../actions";
import { ButtonForm } from "../button-form";
import { DiscardDraftForm } from "./discard-form";
import { VersionStatusTag } from "../version-status-tag";
import { SavedBanner } from "@/components/saved-banner";

export const metadata: Metadata = { title: "Competency framework" };

const SAVED: Record<string, string> = {
  discarded: "The draft was discarded. The published version is unchanged.",
};

export default async function FrameworkPage({ params, searchParams }: { params: Promise<{ frameworkId: string }>; searchParams: Promise<{ saved?: string }> }) {
  const admin = await requireRole("admin");
  const { frameworkId } = await params;
  const detail = await frameworkDetail(admin, frameworkId);
  if (!detail) notFound();
  const { framework, versions, draft, published } = detail;
  const saved = SAVED[(await searchParams).saved ?? ""];
  const versionHref = (id: string) => `/admin/frameworks/${frameworkId}/versions/${id}`;

  return (
    <div className="max-w-3xl">
      <p className="mb-2">
        <Link href="/admin/frameworks">Back to competency frameworks</Link>
      </p>
      <p className="text-nhs-secondary">Competency framework</p>
      <h1 className="mb-4 break-words">{framework.name}</h1>
      <SavedBanner message={saved} />
      <p className="mb-4">{framework.description}</p>
      <div className="mb-8">
        <SummaryList
          rows={[
            ["Source", framework.source],
            ...(framework.sourceUrl
              ? ([["Source address", <a key="url" href={framework.sourceUrl} className="break-all">{framework.sourceUrl}</a>]] as Array<[string, React.ReactNode]>)
              : []),
            ["Key", <code key="key">{framework.key}</code>],
          ]}
        />
      </div>

      <section aria-labelledby="versions" className="mb-8">
        <h2 id="versions" className="mb-4">
          Versions
        </h2>
        <ol className="space-y-4">
          {versions.map((v) => (
            <li key={v.id} className="card">
              <h3 className="mb-2 text-lg">
                <Link href={versionHref(v.id)}>Version {v.version}</Link> <VersionStatusTag status={v.status} />
              </h3>
              <SummaryList
                rows={[
                  ["Current statements", String(v.statements)],
                  ...(v.status === "draft"
                    ? []
                    : ([
                        ["Published", formatDateTime(v.publishedAt)],
                        ["Published by", v.publishedByName ?? (v.publishedAt ? "Shipped with Pathways" : "")],
                      ] as Array<[string, string]>)),
                  ["Notes", v.notes],
                ]}
              />
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="change" className="card mb-8">
        <h2 id="change" className="mb-3 text-xl">
          {draft ? "Continue the draft" : "Start a new version"}
        </h2>
        {draft ? (
          <>
            <p className="mb-4">
              Version {draft.version} is a draft. Workers are assessed against {published ? `version ${published.version}` : "the published version"} until it is
              published.
            </p>
            <Link href={versionHref(draft.id)} className="btn">
              Continue the draft
            </Link>
          </>
        ) : published ? (
          <ButtonForm action={startFrameworkDraftAction.bind(null, frameworkId)} label="Start a new version" pendingText="Starting…">
            <p className="mb-4">
              Copies version {published.version}&apos;s domains and current statements into a draft version{" "}
              {Math.max(...versions.map((v) => v.version)) + 1}, to change and then publish. Workers see no change until then.
            </p>
          </ButtonForm>
        ) : (
          <p>There is no published version to start from.</p>
        )}
      </section>

      {draft ? (
        <section aria-labelledby="discard" className="card">
          <h2 id="discard" className="mb-3 text-xl">
            Discard the draft
          </h2>
          <p className="mb-4">Deletes version {draft.version} with its domains and statements. The published version is not affected.</p>
          <DiscardDraftForm action={discardFrameworkDraftAction.bind(null, draft.id)} version={draft.version} />
        </section>
      ) : null}
    </div>
  );
}
