import type { Metadata } from "next";
import Link from "@/components/link";
import { requireRole } from "@/lib/auth";
import { subjectsForAdmin } from "@/db/queries/mandatory-training";
import { renewalWords } from "@/lib/rules/mandatory-training";
import { ScrollRegion } from "@/components/scroll-region";
import { Tag } from "@/components/tags";

export const metadata: Metadata = { title: "Mandatory training subjects" };

export default async function MandatoryTrainingSubjectsPage() {
  const admin = await requireRole("admin");
  const rows = await subjectsForAdmin(admin);
  const live = rows.filter((r) => !r.retiredAt).length;
  const unassigned = rows.filter((r) => !r.retiredAt && r.audiences.length === 0).length;
  return (
    <>
      <p className="mb-2">
        <Link href="/admin">Back to administration</Link>
      </p>
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="mb-2">Mandatory training subjects</h1>
          <p className="max-w-3xl text-nhs-secondary">
            The statutory and mandatory training each worker must keep in date: the Core Skills Training Framework&apos;s subjects and the
            organisation&apos;s own, how often each is renewed and who needs it. {live} current
            {rows.length > live ? `, ${rows.length - live} retired` : ""}. Everyone&apos;s compliance is worked out from these.
          </p>
        </div>
        <p className="flex flex-wrap gap-4">
          <Link href="/admin/mandatory-training/new" className="btn">
            Add a subject
          </Link>
          <Link href="/admin/mandatory-training/import" className="btn btn-secondary">
            Import completions
          </Link>
          <a href="/mandatory-training/export" className="btn btn-secondary" download>
            Download everyone&apos;s compliance (CSV)
          </a>
        </p>
      </div>
      {unassigned > 0 ? (
        <p className="card mb-6 border-l-8 border-l-nhs-warm-yellow">
          {unassigned} current {unassigned === 1 ? "subject is" : "subjects are"} needed by nobody yet. Once workers&apos; completions are recorded or
          imported, open each and choose who needs it: from then on everyone it is for is asked for it, and reminded.
        </p>
      ) : null}
      <ScrollRegion label="Mandatory training subjects, table">
        <table className="table">
          <caption className="sr-only">Mandatory training subjects: name, how often renewed, who needs it, and whether it is current</caption>
          <thead>
            <tr>
              <th scope="col">Subject</th>
              <th scope="col">Renewal</th>
              <th scope="col">Who needs it</th>
              <th scope="col" className="max-sm:hidden">
                Status
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link href={`/admin/mandatory-training/${r.id}`} className="font-semibold">
                    {r.name}
                  </Link>
                  <span className="mt-1 block text-sm text-nhs-secondary">{r.framework ? "Core Skills Training Framework" : "Added here"}</span>
                  {r.retiredAt ? (
                    <span className="mt-1 block sm:hidden">
                      <Tag tone="grey">Retired</Tag>
                    </span>
                  ) : null}
                </td>
                <td>{renewalWords(r.renewalMonths)}</td>
                <td>{r.who}</td>
                <td className="max-sm:hidden">{r.retiredAt ? <Tag tone="grey">Retired</Tag> : <Tag tone="green">Current</Tag>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}
