"use server";
import { notFound } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/action";
import { Flag, Id } from "@/lib/forms/ids";
import { GatewayFields, OptionFields, StandardChangeFields, StandardFields } from "@/lib/forms/apprenticeship-standard";
import { otjRuleChangeFields, otjRuleNewFields, otjRuleRemoveFields } from "@/lib/forms/otj-rule";
import * as standards from "@/db/queries/apprenticeship-standards";

const REFRESH = [{ path: "/admin/apprenticeships", type: "layout" as const }];

/** Back to the standard's page with its confirmation. */
const standardPage = (standardId: string, saved: string) => `/admin/apprenticeships/${standardId}?saved=${saved}`;

export const createStandardAction = defineAction({
  roles: ["admin"],
  input: StandardFields,
  run: async ({ user, input }) => await standards.createStandard(user, input),
  revalidate: () => REFRESH,
  redirect: ({ result }) => standardPage(result.standardId, "created"),
});

export const updateStandardAction = defineAction({
  roles: ["admin"],
  ids: z.tuple([Id]),
  input: StandardChangeFields,
  run: async ({ user, ids: [standardId], input }) => await standards.updateStandard(user, standardId, input),
  revalidate: () => REFRESH,
  redirect: ({ result }) => standardPage(result.standardId, "updated"),
});

export const addOptionAction = defineAction({
  roles: ["admin"],
  ids: z.tuple([Id]),
  input: OptionFields,
  run: async ({ user, ids: [standardId], input }) => await standards.addOption(user, standardId, input.name),
  revalidate: () => REFRESH,
  redirect: ({ result }) => standardPage(result.standardId, "option-added"),
});

export const renameOptionAction = defineAction({
  roles: ["admin"],
  ids: z.tuple([Id]),
  input: OptionFields,
  run: async ({ user, ids: [optionId], input }) => await standards.renameOption(user, optionId, input.name),
  revalidate: () => REFRESH,
  redirect: ({ result }) => standardPage(result.standardId, "option-renamed"),
});

export const setOptionRetiredAction = defineAction({
  roles: ["admin"],
  ids: z.tuple([Id, Flag]),
  run: async ({ user, ids: [optionId, retired] }) => await standards.setOptionRetired(user, optionId, retired),
  revalidate: () => REFRESH,
  redirect: ({ ids: [, retired], result }) => standardPage(result.standardId, retired ? "option-retired" : "option-restored"),
});

export const addGatewayRequirementAction = defineAction({
  roles: ["admin"],
  ids: z.tuple([Id]),
  input: GatewayFields,
  run: async ({ user, ids: [standardId], input }) => await standards.addGatewayRequirement(user, standardId, input.label),
  revalidate: () => REFRESH,
  redirect: ({ result }) => standardPage(result.standardId, "requirement-added"),
});

export const rewordGatewayRequirementAction = defineAction({
  roles: ["admin"],
  ids: z.tuple([Id]),
  input: GatewayFields,
  run: async ({ user, ids: [requirementId], input }) => await standards.rewordGatewayRequirement(user, requirementId, input.label),
  revalidate: () => REFRESH,
  redirect: ({ result }) => standardPage(result.standardId, "requirement-reworded"),
});

export const moveGatewayRequirementAction = defineAction({
  roles: ["admin"],
  ids: z.tuple([Id, z.enum(["up", "down"])]),
  run: async ({ user, ids: [requirementId, direction] }) => await standards.moveGatewayRequirement(user, requirementId, direction),
  revalidate: () => REFRESH,
  redirect: ({ result }) => standardPage(result.standardId, "requirement-moved"),
});

export const setGatewayRequirementRetiredAction = defineAction({
  roles: ["admin"],
  ids: z.tuple([Id, Flag]),
  run: async ({ user, ids: [requirementId, retired] }) => await standards.setRequirementRetired(user, requirementId, retired),
  revalidate: () => REFRESH,
  redirect: ({ ids: [, retired], result }) => standardPage(result.standardId, retired ? "requirement-retired" : "requirement-restored"),
});

// Off-the-job rules ---------------------------------------------------------------------------------------------

/** Back to the rules on the list page, saying what changed and how many apprenticeships it touches. */
const rulesPage = (saved: string, apprenticeships: number) => `/admin/apprenticeships?saved=${saved}&apprenticeships=${apprenticeships}#otj-rules`;

export const updateOtjRuleAction = defineAction({
  roles: ["admin"],
  ids: z.tuple([Id]),
  // The fields a rule's change takes depend on its kind.
  input: async ({ user, ids: [ruleId] }) => {
    const found = await standards.otjRuleForAdmin(user, ruleId);
    if (!found) notFound();
    return otjRuleChangeFields(found.rule.kind);
  },
  run: async ({ user, ids: [ruleId], input }) => await standards.updateOtjRule(user, ruleId, input),
  revalidate: () => REFRESH,
  redirect: ({ result }) => rulesPage("rule-updated", result.apprenticeships),
});

export const addOtjRuleAction = defineAction({
  roles: ["admin"],
  input: otjRuleNewFields,
  run: async ({ user, input }) => await standards.addOtjRule(user, input),
  revalidate: () => REFRESH,
  redirect: ({ result }) => rulesPage("rule-added", result.apprenticeships),
});

export const removeScheduledOtjRuleAction = defineAction({
  roles: ["admin"],
  ids: z.tuple([Id]),
  input: otjRuleRemoveFields,
  run: async ({ user, ids: [ruleId] }) => await standards.removeScheduledOtjRule(user, ruleId),
  revalidate: () => REFRESH,
  redirect: ({ result }) => rulesPage("rule-removed", result.apprenticeships),
});
