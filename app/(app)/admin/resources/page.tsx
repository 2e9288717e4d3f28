import type { Metadata } from "next";
import Link from "@/components/link";
import { requireRole } from "@/lib/auth";
import { resourceAdminList } from "@/db/queries/resources";
import { resourceTypeWords } from "@/lib/forms/resource";
import { siteOf } from "@/lib/rules/resources";
import { ScrollRegion } from "@/components/scroll-region";
import { Tag } from "@/components/tags";

export const metadata: Metadata = { title: "Manage resources" };

export default async function AdminResourcesPage() {
  const admin = await requireRole("admin");
  const rows = await resourceAdminList(admin);
  const live = rows.filter((r) => !r.retiredAt).length;
  return (
    <>
      <p className="mb-2">
        <Link href="/resources">Back to resources</Link>
      </p>
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="mb-2">Manage resources</h1>
          <p className="max-w-3xl text-nhs-secondary">
            The entries on the resources hub: professional bodies and unions, role guides, supervision and delegation guidance, and
            education and career frameworks. A support worker sees their own profession&apos;s entries first. {live} current
            {rows.length > live ? `, ${rows.length - live} retired` : ""}.
          </p>
        </div>
        <Link href="/admin/resources/new" className="btn">
          Add a resource
        </Link>
      </div>
      <ScrollRegion label="Resources, table">
        <table className="table">
          <caption className="sr-only">Resources: title and site, who it is for, what kind it is, and whether it is retired</caption>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">For</th>
              <th scope="col" className="max-md:hidden">
                Kind
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
                  <Link href={`/admin/resources/${r.id}`} className="font-semibold">
                    {r.title}
                  </Link>
                  <span className="mt-1 block text-sm break-all text-nhs-secondary">{siteOf(r.url)}</span>
                  {r.retiredAt ? (
                    <span className="mt-1 block sm:hidden">
                      <Tag tone="grey">Retired</Tag>
                    </span>
                  ) : null}
                </td>
                <td>{r.professionName ? `${r.professionName}${r.professionRetired ? " (retired)" : ""}` : "Everyone"}</td>
                <td className="max-md:hidden">{resourceTypeWords.label(r.type)}</td>
                <td className="max-sm:hidden">{r.retiredAt ? <Tag tone="grey">Retired</Tag> : <Tag tone="green">Current</Tag>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}
