// What a login looks like, for the admin's user forms, the worker-login form and the set-password form.
import { z } from "zod";
import { ROLES, USER_STATUSES, type Role, type UserStatus } from "../vocabulary";
import { MIN_PASSWORD_LENGTH } from "../rules/password-policy";
import { emailAddress } from "../form-text";

export const userFields = z.object({
  name: z.string({ error: "Enter their full name" }).trim().min(1, "Enter their full name").max(120, "Name must be 120 characters or fewer"),
  email: emailAddress(),
  role: z.enum(ROLES, { error: "Select a role" }),
});

/**
 * Roles an administrator gives from the users screen. A support worker's login is given from their worker record,
 * so that it is linked to the record they will see.
 */
export const STAFF_ROLES = ["manager", "lead", "admin"] as const satisfies readonly Role[];

/**
 * A new staff login. A manager is asked for the teams they manage (whose workers they see); for any other role the
 * teams are not theirs to have, so ticks left from choosing "Manager" first are dropped, not refused.
 */
export const newUserFields = userFields
  .extend({
    role: z.enum(STAFF_ROLES, { error: "Select a role" }),
    teamIds: z.array(z.string().trim().min(1).max(64)).max(200).default([]),
  })
  .transform((v) => ({ ...v, teamIds: v.role === "manager" ? [...new Set(v.teamIds)] : [] }));

export type NewUserFields = z.infer<typeof newUserFields>;
export const roleChangeFields = userFields.pick({ role: true });
export const workerLoginFields = userFields.pick({ email: true });

export const newPasswordFields = z
  .object({
    password: z
      .string({ error: "Enter a password" })
      .min(1, { message: "Enter a password", abort: true })
      .min(MIN_PASSWORD_LENGTH, `Password must be at least ${MIN_PASSWORD_LENGTH} characters`)
      .max(200, "Password must be 200 characters or fewer"),
    confirm: z.string({ error: "Type the password again" }).min(1, "Type the password again"),
  })
  .refine((v) => v.password === v.confirm || v.confirm === "", { path: ["confirm"], message: "The passwords do not match" });

export const USERS_PAGE_SIZE = 50;

export type UserFilters = { q?: string; role?: Role; status?: UserStatus; page: number };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Reads the users list's filters from the URL, ignoring anything that is not a known value. */
export function parseUserFilters(search: Record<string, string | string[] | undefined>): UserFilters {
  const q = first(search.q)?.trim() || undefined;
  const role = first(search.role);
  const status = first(search.status);
  const page = Number.parseInt(first(search.page) ?? "1", 10);
  return {
    q,
    role: (ROLES as readonly string[]).includes(role ?? "") ? (role as Role) : undefined,
    status: (USER_STATUSES as readonly string[]).includes(status ?? "") ? (status as UserStatus) : undefined,
    page: Number.isFinite(page) && page > 0 ? Math.min(page, 10_000) : 1,
  };
}

export function userFiltersToQuery(f: UserFilters): string {
  const params = new URLSearchParams();
  if (f.q) params.set("q", f.q);
  if (f.role) params.set("role", f.role);
  if (f.status) params.set("status", f.status);
  if (f.page > 1) params.set("page", String(f.page));
  const s = params.toString();
  return s ? `?${s}` : "";
}
