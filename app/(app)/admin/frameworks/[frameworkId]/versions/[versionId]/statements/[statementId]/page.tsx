import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { VersionCrumb } from "../../version-crumb";
import { requireRole } from "@/lib/auth";
import { statementForAdmin } from "@/db/queries/frameworks";
import { professionOptions, teamOptions, type Option } from "@/db/queries/reference";
import { renewalWords, scopeWords } from "@/lib/forms/framework";
import { frameworkStageWords } from "@/lib/vocabulary";
import { formatDateTime } from "@/lib/rules/dates";
import { SummaryList } from "@/components/summary-list";
import { Tag } from "@/components/tags";
import { restoreStatementAction, retireStatementAction, saveStatementAction } from "../../../../../actions";
import { ButtonForm } from "../../../../../button-form";
import { StatementForm } from "../../statement-form";
import { SavedBanner } from "@/components/saved-banner";

export const metadata: Metadata = { title: "Competency statement" };

const SAVED: Record<string, string> = {
  retired: "Retired. Once this version is published, workers are no longer assessed against it.",
  restored: "Restored. It is part of this version again.",
};

/** A statement for a since-retired profession or archived team keeps it on the form, so saving other changes keeps it. */
const keeping = (options: Option[], id: string | null, name: string | null): Option[] =>
  id && name && !options.some(([value]) => value === id) ? [...options, [id, `${name} (no longer current)`] as const] : options;

export default async function StatementPage({
  params,
  searchParams,
}: {
  params: Promise<{ frameworkId: string; versionId: string; statementId: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const admin = await requireRole("admin");
  const { frameworkId, versionId, statementId } = await params;
  const found = await statementForAdmin(admin, frameworkId, versionId, statementId);
  if (!found) notFound();
  const { version, statement: s, domain, editable } = found;
  const saved = SAVED[(await searchParams).saved ?? ""];
  const defaults: Record<string, string> = {
    number: s.number,
    text: s.text,
    renewalMonths: s.renewalMonths === null ? "" : String(s.renewalMonths),
    sourceRef: s.sourceRef ?? "",
    professionId: s.professionId ?? "",
    teamId: s.teamId ?? "",
  };

  return (
    <div className="max-w-2xl">
      <VersionCrumb frameworkId={frameworkId} version={version} />
      <h1 className="mb-2">Statement {s.number}</h1>
      <p className="mb-4">
        {s.retiredAt ? <Tag tone="grey">Retired</Tag> : <Tag tone="green">Current</Tag>} {s.bespoke ? <Tag tone="blue">Bespoke {scopeWords(s)}</Tag> : null}
      </p>
      <SavedBanner message={saved} />
      <div className="mb-8">
        <SummaryList
          rows={[
            ["Domain", `${domain.number}: ${domain.title}`],
            ["Stage", frameworkStageWords.label(s.stage)],
            ["Wording", s.text],
            ["Renewal", renewalWords(s.renewalMonths)],
            ["Source reference", s.sourceRef ?? ""],
            ...(s.retiredAt ? ([["Retired", formatDateTime(s.retiredAt)]] as Array<[string, string]>) : []),
          ]}
        />
      </div>

      {editable ? (
        <>
          <section aria-labelledby="change" className="mb-8">
            <h2 id="change" className="mb-4">
              Change
            </h2>
            <StatementForm
              action={saveStatementAction.bind(null, statementId)}
              defaults={defaults}
              mode="edit"
              bespoke={s.bespoke}
              professions={keeping(await professionOptions(), s.professionId, s.professionName)}
              teams={keeping(await teamOptions(admin), s.teamId, s.teamName)}
            />
          </section>
          <section aria-labelledby="retire" className="card">
            <h2 id="retire" className="mb-3 text-xl">
              {s.retiredAt ? "Restore this statement" : "Retire this statement"}
            </h2>
            {s.retiredAt ? (
              <ButtonForm action={restoreStatementAction.bind(null, statementId)} label="Restore statement" pendingText="Restoring…">
                <p className="mb-4">It is part of this version again.</p>
              </ButtonForm>
            ) : (
              <ButtonForm action={retireStatementAction.bind(null, statementId)} label="Retire statement" pendingText="Retiring…" secondary>
                <p className="mb-4">
                  Once this version is published, workers are no longer assessed against it. Earlier versions keep it, and it can be restored
                  until then.
                </p>
              </ButtonForm>
            )}
          </section>
        </>
      ) : (
        <p>This version is {version.status}, so its statements cannot be changed.</p>
      )}
    </div>
  );
}
