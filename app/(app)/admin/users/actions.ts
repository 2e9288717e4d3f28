"use server";
import { z } from "zod";
import { defineAction } from "@/lib/action";
import type { FormState, LinkFormState } from "@/lib/forms/state";
import type { SessionUser } from "@/lib/session-user";
import { Id } from "@/lib/forms/ids";
import { newUserFields, roleChangeFields } from "@/lib/forms/user";
import { roleWords } from "@/lib/vocabulary";
import { deliverPasswordLink } from "@/lib/password-link-delivery";
import { createUser, changeUserRole, setUserStatus, resetPassword, type LinkChange } from "@/db/queries/users";
import { organisationName } from "@/db/queries/sign-in";

const StatusChange = z.object({ status: z.enum(["active", "disabled"], { error: "Choose to disable or re-enable the account" }) });

async function withLink(issuer: SessionUser, result: Extract<LinkChange, { ok: true }>, message: string): Promise<LinkFormState> {
  const link = await deliverPasswordLink(issuer, { ...result, organisation: await organisationName() });
  return { ok: true, message, link };
}

function refresh(userId?: string) {
  return userId ? ["/admin/users", "/admin", `/admin/users/${userId}`] : ["/admin/users", "/admin"];
}

export const addUserAction = defineAction({
  roles: ["admin"],
  input: newUserFields,
  lists: ["teamIds"],
  run: async ({ user, input }) => await createUser(user, input),
  revalidate: ({ input }) => (input.teamIds.length ? [...refresh(), { path: "/teams", type: "layout" as const }] : refresh()),
  done: async ({ user, result }) => await withLink(user, result, `Login created for ${result.name}`),
});

export const changeUserRoleAction = defineAction({
  roles: ["admin"],
  ids: z.tuple([Id]),
  input: roleChangeFields,
  run: async ({ user, ids: [userId], input }) => await changeUserRole(user, userId, input.role),
  revalidate: ({ ids: [userId] }) => refresh(userId),
  done: ({ input }): FormState => ({
    ok: true,
    message: `Role changed to ${roleWords.label(input.role).toLowerCase()}. They have been signed out and will see the new role when they sign in again.`,
  }),
});

export const changeUserStatusAction = defineAction({
  roles: ["admin"],
  ids: z.tuple([Id]),
  input: StatusChange,
  run: async ({ user, ids: [userId], input }) => await setUserStatus(user, userId, input.status),
  revalidate: ({ ids: [userId] }) => refresh(userId),
  done: ({ input }): FormState => ({
    ok: true,
    message: input.status === "disabled" ? "Account disabled. They have been signed out and cannot sign in." : "Account re-enabled. They can sign in again.",
  }),
});

export const issuePasswordLinkAction = defineAction({
  roles: ["admin"],
  ids: z.tuple([Id]),
  run: async ({ user, ids: [userId] }) => await resetPassword(user, userId),
  revalidate: ({ ids: [userId] }) => refresh(userId),
  done: async ({ user, result }) => await withLink(user, result, result.purpose === "reset" ? "Password reset" : "New set-password link created"),
});
