"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireRole } from "@/lib/auth";
import { failed, formErrors, type FormState } from "@/lib/forms/state";
import { DiscardFields, DomainFields, PublishFields, StatementEditFields, StatementNewFields } from "@/lib/forms/framework";
import * as frameworks from "@/db/queries/frameworks";

const Id = z.string().min(1).max(64);

function refused(form: FormData, result: Extract<frameworks.FrameworkChange, { ok: false }>): FormState {
  return failed(form, result.message, result.field ? { [result.field]: result.message } : undefined);
}

const versionPath = (r: { frameworkId: string; versionId: string }) => `/admin/frameworks/${r.frameworkId}/versions/${r.versionId}`;

function refresh() {
  revalidatePath("/admin/frameworks", "layout");
  // The PDP goal forms offer the published version's statements.
  revalidatePath("/workers", "layout");
}

export async function startDraft(frameworkId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const admin = await requireRole("admin");
  const id = Id.safeParse(frameworkId);
  if (!id.success) return failed(form, "Framework not found");
  const result = frameworks.startDraftVersion(admin, id.data);
  if (!result.ok) return refused(form, result);
  refresh();
  redirect(`${versionPath(result)}?saved=started`);
}

export async function discardDraft(versionId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const admin = await requireRole("admin");
  const id = Id.safeParse(versionId);
  if (!id.success) return failed(form, "Version not found");
  const input = DiscardFields.safeParse(Object.fromEntries(form));
  if (!input.success) return formErrors(input.error, form);
  const result = frameworks.discardDraftVersion(admin, id.data);
  if (!result.ok) return refused(form, result);
  refresh();
  redirect(`/admin/frameworks/${result.frameworkId}?saved=discarded`);
}

export async function publishDraft(versionId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const admin = await requireRole("admin");
  const id = Id.safeParse(versionId);
  if (!id.success) return failed(form, "Version not found");
  const input = PublishFields.safeParse(Object.fromEntries(form));
  if (!input.success) return formErrors(input.error, form);
  const result = frameworks.publishVersion(admin, id.data, input.data);
  if (!result.ok) return refused(form, result);
  refresh();
  redirect(`${versionPath(result)}?saved=published`);
}

export async function saveDomain(domainId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const admin = await requireRole("admin");
  const id = Id.safeParse(domainId);
  if (!id.success) return failed(form, "Domain not found");
  const input = DomainFields.safeParse(Object.fromEntries(form));
  if (!input.success) return formErrors(input.error, form);
  const result = frameworks.updateDomain(admin, id.data, input.data);
  if (!result.ok) return refused(form, result);
  refresh();
  redirect(`${versionPath(result)}?saved=domain`);
}

export async function addStatement(versionId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const admin = await requireRole("admin");
  const id = Id.safeParse(versionId);
  if (!id.success) return failed(form, "Version not found");
  const input = StatementNewFields.safeParse(Object.fromEntries(form));
  if (!input.success) return formErrors(input.error, form);
  const result = frameworks.addStatement(admin, id.data, input.data);
  if (!result.ok) return refused(form, result);
  refresh();
  redirect(`${versionPath(result)}?saved=added`);
}

export async function saveStatement(statementId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const admin = await requireRole("admin");
  const id = Id.safeParse(statementId);
  if (!id.success) return failed(form, "Statement not found");
  const input = StatementEditFields.safeParse(Object.fromEntries(form));
  if (!input.success) return formErrors(input.error, form);
  const result = frameworks.updateStatement(admin, id.data, input.data);
  if (!result.ok) return refused(form, result);
  refresh();
  redirect(`${versionPath(result)}?saved=updated`);
}

export async function retireStatement(statementId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const admin = await requireRole("admin");
  const id = Id.safeParse(statementId);
  if (!id.success) return failed(form, "Statement not found");
  const result = frameworks.retireStatement(admin, id.data);
  if (!result.ok) return refused(form, result);
  refresh();
  redirect(`${versionPath(result)}/statements/${result.id}?saved=retired`);
}

export async function restoreStatement(statementId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const admin = await requireRole("admin");
  const id = Id.safeParse(statementId);
  if (!id.success) return failed(form, "Statement not found");
  const result = frameworks.restoreStatement(admin, id.data);
  if (!result.ok) return refused(form, result);
  refresh();
  redirect(`${versionPath(result)}/statements/${result.id}?saved=restored`);
}
