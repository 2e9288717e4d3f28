"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireRole } from "@/lib/auth";
import { failed, formErrors, type FormState } from "@/lib/forms/state";
import { GatewayFields, OptionFields, StandardChangeFields, StandardFields } from "@/lib/forms/apprenticeship-standard";
import { otjRuleChangeFields, otjRuleNewFields, otjRuleRemoveFields } from "@/lib/forms/otj-rule";
import * as standards from "@/db/queries/apprenticeship-standards";

const Id = z.string().min(1).max(64);

type Result = standards.StandardResult;

function refused(form: FormData, result: Extract<Result | standards.OtjRuleResult, { ok: false }>): FormState {
  return failed(form, result.message, result.field ? { [result.field]: result.message } : undefined);
}

/** Refresh the list and the standard's pages, then show the standard with its confirmation. */
function done(result: Extract<Result, { ok: true }>, saved: string): never {
  revalidatePath("/admin/apprenticeships", "layout");
  redirect(`/admin/apprenticeships/${result.standardId}?saved=${saved}`);
}

export async function createStandard(_prev: FormState, form: FormData): Promise<FormState> {
  const admin = await requireRole("admin");
  const input = StandardFields.safeParse(Object.fromEntries(form));
  if (!input.success) return formErrors(input.error, form);
  const result = standards.createStandard(admin, input.data);
  if (!result.ok) return refused(form, result);
  done(result, "created");
}

export async function updateStandard(id: string, _prev: FormState, form: FormData): Promise<FormState> {
  const admin = await requireRole("admin");
  const standardId = Id.safeParse(id);
  if (!standardId.success) return failed(form, "Apprenticeship standard not found");
  const input = StandardChangeFields.safeParse(Object.fromEntries(form));
  if (!input.success) return formErrors(input.error, form);
  const result = standards.updateStandard(admin, standardId.data, input.data);
  if (!result.ok) return refused(form, result);
  done(result, "updated");
}

export async function addOption(standardId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const admin = await requireRole("admin");
  const id = Id.safeParse(standardId);
  if (!id.success) return failed(form, "Apprenticeship standard not found");
  const input = OptionFields.safeParse(Object.fromEntries(form));
  if (!input.success) return formErrors(input.error, form);
  const result = standards.addOption(admin, id.data, input.data.name);
  if (!result.ok) return refused(form, result);
  done(result, "option-added");
}

export async function renameOption(optionId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const admin = await requireRole("admin");
  const id = Id.safeParse(optionId);
  if (!id.success) return failed(form, "Option not found");
  const input = OptionFields.safeParse(Object.fromEntries(form));
  if (!input.success) return formErrors(input.error, form);
  const result = standards.renameOption(admin, id.data, input.data.name);
  if (!result.ok) return refused(form, result);
  done(result, "option-renamed");
}

export async function setOptionRetired(optionId: string, retired: boolean, _prev: FormState, form: FormData): Promise<FormState> {
  const admin = await requireRole("admin");
  const id = Id.safeParse(optionId);
  if (!id.success) return failed(form, "Option not found");
  const result = standards.setOptionRetired(admin, id.data, retired === true);
  if (!result.ok) return refused(form, result);
  done(result, retired ? "option-retired" : "option-restored");
}

export async function addGatewayRequirement(standardId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const admin = await requireRole("admin");
  const id = Id.safeParse(standardId);
  if (!id.success) return failed(form, "Apprenticeship standard not found");
  const input = GatewayFields.safeParse(Object.fromEntries(form));
  if (!input.success) return formErrors(input.error, form);
  const result = standards.addGatewayRequirement(admin, id.data, input.data.label);
  if (!result.ok) return refused(form, result);
  done(result, "requirement-added");
}

export async function rewordGatewayRequirement(requirementId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const admin = await requireRole("admin");
  const id = Id.safeParse(requirementId);
  if (!id.success) return failed(form, "Gateway requirement not found");
  const input = GatewayFields.safeParse(Object.fromEntries(form));
  if (!input.success) return formErrors(input.error, form);
  const result = standards.rewordGatewayRequirement(admin, id.data, input.data.label);
  if (!result.ok) return refused(form, result);
  done(result, "requirement-reworded");
}

const Direction = z.enum(["up", "down"]);

export async function moveGatewayRequirement(requirementId: string, direction: string, _prev: FormState, form: FormData): Promise<FormState> {
  const admin = await requireRole("admin");
  const id = Id.safeParse(requirementId);
  const dir = Direction.safeParse(direction);
  if (!id.success || !dir.success) return failed(form, "Gateway requirement not found");
  const result = standards.moveGatewayRequirement(admin, id.data, dir.data);
  if (!result.ok) return refused(form, result);
  done(result, "requirement-moved");
}

export async function setRequirementRetired(requirementId: string, retired: boolean, _prev: FormState, form: FormData): Promise<FormState> {
  const admin = await requireRole("admin");
  const id = Id.safeParse(requirementId);
  if (!id.success) return failed(form, "Gateway requirement not found");
  const result = standards.setRequirementRetired(admin, id.data, retired === true);
  if (!result.ok) return refused(form, result);
  done(result, retired ? "requirement-retired" : "requirement-restored");
}

// Off-the-job rules ---------------------------------------------------------------------------------------------

/** Back to the rules on the list page, saying what changed and how many apprenticeships it touches. */
function ruleDone(saved: string, result: Extract<standards.OtjRuleResult, { ok: true }>): never {
  revalidatePath("/admin/apprenticeships", "layout");
  redirect(`/admin/apprenticeships?saved=${saved}&apprenticeships=${result.apprenticeships}#otj-rules`);
}

export async function updateOtjRule(ruleId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const admin = await requireRole("admin");
  const id = Id.safeParse(ruleId);
  const found = id.success ? standards.otjRuleForAdmin(admin, id.data) : undefined;
  if (!found) return failed(form, "Off-the-job rule not found");
  const input = otjRuleChangeFields(found.rule.kind).safeParse(Object.fromEntries(form));
  if (!input.success) return formErrors(input.error, form);
  const result = standards.updateOtjRule(admin, found.rule.id, input.data);
  if (!result.ok) return refused(form, result);
  ruleDone("rule-updated", result);
}

export async function addOtjRule(_prev: FormState, form: FormData): Promise<FormState> {
  const admin = await requireRole("admin");
  const input = otjRuleNewFields.safeParse(Object.fromEntries(form));
  if (!input.success) return formErrors(input.error, form);
  const result = standards.addOtjRule(admin, input.data);
  if (!result.ok) return refused(form, result);
  ruleDone("rule-added", result);
}

export async function removeScheduledOtjRule(ruleId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const admin = await requireRole("admin");
  const id = Id.safeParse(ruleId);
  if (!id.success) return failed(form, "Off-the-job rule not found");
  const input = otjRuleRemoveFields.safeParse(Object.fromEntries(form));
  if (!input.success) return formErrors(input.error, form);
  const result = standards.removeScheduledOtjRule(admin, id.data);
  if (!result.ok) return refused(form, result);
  ruleDone("rule-removed", result);
}
