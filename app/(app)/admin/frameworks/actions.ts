"use server";
import { z } from "zod";
import { defineAction } from "@/lib/action";
import { Id } from "@/lib/forms/ids";
import { AssessedFrameworkFields, DiscardFields, DomainFields, PublishFields, StatementEditFields, StatementNewFields } from "@/lib/forms/framework";
import * as frameworks from "@/db/queries/frameworks";
import { chooseAssessedFramework } from "@/db/queries/assessed-framework";

const versionPath = (r: { frameworkId: string; versionId: string }) => `/admin/frameworks/${r.frameworkId}/versions/${r.versionId}`;

const REFRESH = [
  { path: "/admin/frameworks", type: "layout" as const },
  // The PDP goal forms offer the published version's statements.
  { path: "/workers", type: "layout" as const },
];

export const startFrameworkDraftAction = defineAction({
  roles: ["admin"],
  ids: z.tuple([Id]),
  run: async ({ user, ids: [frameworkId] }) => await frameworks.startDraftVersion(user, frameworkId),
  revalidate: () => REFRESH,
  redirect: ({ result }) => `${versionPath(result)}?saved=started`,
});

export const discardFrameworkDraftAction = defineAction({
  roles: ["admin"],
  ids: z.tuple([Id]),
  input: DiscardFields,
  run: async ({ user, ids: [versionId] }) => await frameworks.discardDraftVersion(user, versionId),
  revalidate: () => REFRESH,
  redirect: ({ result }) => `/admin/frameworks/${result.frameworkId}?saved=discarded`,
});

export const publishFrameworkDraftAction = defineAction({
  roles: ["admin"],
  ids: z.tuple([Id]),
  input: PublishFields,
  run: async ({ user, ids: [versionId], input }) => await frameworks.publishVersion(user, versionId, input),
  revalidate: () => REFRESH,
  redirect: ({ result }) => `${versionPath(result)}?saved=published`,
});

export const saveDomainAction = defineAction({
  roles: ["admin"],
  ids: z.tuple([Id]),
  input: DomainFields,
  run: async ({ user, ids: [domainId], input }) => await frameworks.updateDomain(user, domainId, input),
  revalidate: () => REFRESH,
  redirect: ({ result }) => `${versionPath(result)}?saved=domain`,
});

export const addStatementAction = defineAction({
  roles: ["admin"],
  ids: z.tuple([Id]),
  input: StatementNewFields,
  run: async ({ user, ids: [versionId], input }) => await frameworks.addStatement(user, versionId, input),
  revalidate: () => REFRESH,
  redirect: ({ result }) => `${versionPath(result)}?saved=added`,
});

export const saveStatementAction = defineAction({
  roles: ["admin"],
  ids: z.tuple([Id]),
  input: StatementEditFields,
  run: async ({ user, ids: [statementId], input }) => await frameworks.updateStatement(user, statementId, input),
  revalidate: () => REFRESH,
  redirect: ({ result }) => `${versionPath(result)}?saved=updated`,
});

export const retireStatementAction = defineAction({
  roles: ["admin"],
  ids: z.tuple([Id]),
  run: async ({ user, ids: [statementId] }) => await frameworks.retireStatement(user, statementId),
  revalidate: () => REFRESH,
  redirect: ({ result }) => `${versionPath(result)}/statements/${result.id}?saved=retired`,
});

export const restoreStatementAction = defineAction({
  roles: ["admin"],
  ids: z.tuple([Id]),
  run: async ({ user, ids: [statementId] }) => await frameworks.restoreStatement(user, statementId),
  revalidate: () => REFRESH,
  redirect: ({ result }) => `${versionPath(result)}/statements/${result.id}?saved=restored`,
});

export const chooseFrameworkAction = defineAction({
  roles: ["admin"],
  input: AssessedFrameworkFields,
  run: async ({ user, input }) => await chooseAssessedFramework(user, input.frameworkId),
  // Every page that shows competencies, goals' statements or the insights follows the choice.
  revalidate: () => [{ path: "/", type: "layout" }],
  done: "Framework chosen",
});
