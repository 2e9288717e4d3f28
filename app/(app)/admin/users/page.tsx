import type { Metadata } from "next";
import Link from "@/components/link";
import { requireRole } from "@/lib/auth";
import { listUsers } from "@/db/queries/users";
import { parseUserFilters, userFiltersToQuery, type UserFilters } from "@/lib/forms/user";
import { ROLES, roleWords } from "@/lib/vocabulary";
import { formatDateTime } from "@/lib/rules/dates";
import { Pagination } from "@/components/pagination";
import { ScrollRegion } from "@/components/scroll-region";
import { Tag } from "@/components/tags";

export const metadata: Metadata = { title: "Users" };

type Search = Promise<Record<string, string | string[] | undefined>>;

/** "Invited": a login whose owner has not yet chosen a password or signed in. */
function StatusTag({ user }: { user: { status: string; passwordSet: boolean; lastSignInAt: Date | null } }) {
  if (user.status === "disabled") return <Tag tone="grey">Disabled</Tag>;
  return user.passwordSet || user.lastSignInAt ? <Tag tone="green">Active</Tag> : <Tag tone="blue">Invited</Tag>;
}

export default async function UsersPage({ searchParams }: { searchParams: Search }) {
  const admin = await requireRole("admin");
  const f = parseUserFilters(await searchParams);
  const result = await listUsers(admin, f);
  const href = (change: Partial<UserFilters>) => `/admin/users${userFiltersToQuery({ ...f, ...change })}`;
  const filtered = !!(f.q || f.role || f.status);

  return (
    <>
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1>Users</h1>
          <p className="text-nhs-secondary">Everyone who can sign in to Pathways, or could until their account was disabled.</p>
        </div>
        <Link href="/admin/users/new" className="btn">
          Add a user
        </Link>
      </div>

      <form method="get" action="/admin/users" className="card mb-6" role="search" aria-label="Find users">
        <div className="grid gap-4 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end">
          <div>
            <label htmlFor="f-q" className="label text-sm">
              Name or email
            </label>
            <input id="f-q" name="q" type="search" defaultValue={f.q ?? ""} className="input" />
          </div>
          <div>
            <label htmlFor="f-role" className="label text-sm">
              Role
            </label>
            <select id="f-role" name="role" defaultValue={f.role ?? ""} className="input">
              <option value="">All roles</option>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {roleWords.label(r)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="f-status" className="label text-sm">
              Status
            </label>
            <select id="f-status" name="status" defaultValue={f.status ?? ""} className="input">
              <option value="">Active and disabled</option>
              <option value="active">Active</option>
              <option value="disabled">Disabled</option>
            </select>
          </div>
          <button type="submit" className="btn justify-center">
            Search
          </button>
        </div>
        {filtered ? (
          <p className="mt-4">
            <Link href="/admin/users">Clear search and filters</Link>
          </p>
        ) : null}
      </form>

      <p role="status" className="mb-3 text-lg">
        <strong>{result.total.toLocaleString("en-GB")}</strong> {result.total === 1 ? "user" : "users"}
      </p>

      {result.rows.length === 0 ? (
        <p className="card">No users match. {filtered ? <Link href="/admin/users">Clear the filters</Link> : null}</p>
      ) : (
        <ScrollRegion label="Users">
          <table className="table">
            <caption className="sr-only">Users, by name</caption>
            <thead>
              <tr>
                <th scope="col">Name and email</th>
                <th scope="col">Role</th>
                <th scope="col" className="max-sm:hidden">
                  Status
                </th>
                <th scope="col" className="max-sm:hidden">
                  Last signed in
                </th>
                <th scope="col" className="max-md:hidden">
                  Worker record
                </th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((u) => (
                <tr key={u.id}>
                  <td className="min-w-0">
                    <Link href={`/admin/users/${u.id}`} className="font-semibold">
                      {u.name}
                    </Link>
                    <span className="block text-sm break-words text-nhs-secondary">{u.email}</span>
                  </td>
                  <td>
                    {roleWords.label(u.role)}
                    {/* On a phone the status sits under the role; the last sign-in is on the user's page. */}
                    <span className="mt-1 block sm:hidden">
                      <StatusTag user={u} />
                    </span>
                  </td>
                  <td className="max-sm:hidden">
                    <StatusTag user={u} />
                  </td>
                  <td className="max-sm:hidden">{u.lastSignInAt ? formatDateTime(u.lastSignInAt) : <span className="text-nhs-secondary">Never</span>}</td>
                  <td className="max-md:hidden">
                    {u.workerId ? <Link href={`/workers/${u.workerId}`}>{u.workerName}</Link> : <span className="text-nhs-secondary">None</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <Pagination page={result.page} pages={result.pages} hrefFor={(page) => href({ page })} />
    </>
  );
}
