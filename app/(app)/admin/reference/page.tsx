import type { Metadata } from "next";
import Link from "@/components/link";
import { requireRole } from "@/lib/auth";
import { referenceList } from "@/db/queries/reference-changes";
import { REFERENCE_KINDS, referenceWords, type ReferenceKind } from "@/lib/forms/reference";
import { frameworkStageWords, FRAMEWORK_STAGES } from "@/lib/vocabulary";
import { ScrollRegion } from "@/components/scroll-region";
import { Tag } from "@/components/tags";

export const metadata: Metadata = { title: "Reference data" };

const frameworkLabel = (v: string | null | undefined) =>
  v && (FRAMEWORK_STAGES as readonly string[]).includes(v) ? frameworkStageWords.label(v as (typeof FRAMEWORK_STAGES)[number]) : "–";

function Section({ kind, rows }: { kind: ReferenceKind; rows: Awaited<ReturnType<typeof referenceList>> }) {
  const words = referenceWords[kind];
  const live = rows.filter((r) => !r.retiredAt).length;
  return (
    <section aria-labelledby={`${kind}-heading`} className="mb-10">
      <div className="mb-3 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h2 id={`${kind}-heading`}>{words.title}</h2>
          <p className="text-nhs-secondary">
            {words.hint} {live} current{rows.length > live ? `, ${rows.length - live} retired` : ""}.
          </p>
        </div>
        <Link href={`/admin/reference/${kind}/new`} className="btn btn-secondary">
          Add a {words.one}
        </Link>
      </div>
      <ScrollRegion label={`${words.title}, table`}>
        <table className="table">
          <caption className="sr-only">{words.title}: name, code, how many workers use each, and whether it is retired</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col" className="max-sm:hidden">
                Code
              </th>
              {kind === "stages" ? (
                <>
                  <th scope="col" className="num">
                    Rank
                  </th>
                  <th scope="col" className="max-md:hidden">
                    Framework stage
                  </th>
                </>
              ) : null}
              <th scope="col" className="num">
                Workers
              </th>
              <th scope="col" className="max-sm:hidden">
                Status
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link href={`/admin/reference/${kind}/${r.id}`} className="font-semibold">
                    {r.name}
                  </Link>
                  {/* On a phone the code and status sit under the name. */}
                  <span className="mt-1 block text-sm sm:hidden">
                    <code className="break-words">{r.code}</code> {r.retiredAt ? <Tag tone="grey">Retired</Tag> : null}
                  </span>
                </td>
                <td className="font-mono text-sm max-sm:hidden">{r.code}</td>
                {kind === "stages" ? (
                  <>
                    <td className="num">{r.rank}</td>
                    <td className="max-md:hidden">{frameworkLabel(r.frameworkStage)}</td>
                  </>
                ) : null}
                <td className="num">{r.inUse.toLocaleString("en-GB")}</td>
                <td className="max-sm:hidden">{r.retiredAt ? <Tag tone="grey">Retired</Tag> : <Tag tone="green">Current</Tag>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}

export default async function ReferencePage() {
  const admin = await requireRole("admin");
  return (
    <>
      <h1 className="mb-2">Reference data</h1>
      <p className="mb-2 max-w-3xl">
        The lists that worker records, teams and reports use. Renaming a value changes it everywhere it appears.
      </p>
      <p className="mb-8 max-w-3xl">
        Values are never deleted: a value that is no longer needed is retired. It then leaves the forms, and every record that has
        it keeps it. &ldquo;Workers&rdquo; counts the workers (in post or left) whose record uses the value.
      </p>
      <p className="mb-8 max-w-3xl">
        The resources hub&apos;s entries (professional bodies, unions, guidance) are edited in{" "}
        <Link href="/admin/resources">Manage resources</Link>, and the competency frameworks workers are assessed against in{" "}
        <Link href="/admin/frameworks">Competency frameworks</Link>.
      </p>
      <nav aria-label="Lists on this page" className="mb-8">
        <ul className="flex flex-wrap gap-x-6 gap-y-2">
          {REFERENCE_KINDS.map((kind) => (
            <li key={kind}>
              <a href={`#${kind}-heading`}>{referenceWords[kind].title}</a>
            </li>
          ))}
        </ul>
      </nav>
      {await Promise.all(REFERENCE_KINDS.map(async (kind) => (
        <Section key={kind} kind={kind} rows={await referenceList(admin, kind)} />
      )))}
    </>
  );
}
