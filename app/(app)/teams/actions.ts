"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireRole } from "@/lib/auth";
import { failed, formErrors, type FormState } from "@/lib/forms/state";
import { formObject } from "@/lib/forms/read";
import { teamFields, TEAM_LIST_FIELDS } from "@/lib/forms/team";
import { createTeam, updateTeam, archiveTeam, restoreTeam, type TeamChange } from "@/db/queries/teams";

const Id = z.string().min(1).max(64);

function refused(form: FormData, result: Extract<TeamChange, { ok: false }>): FormState {
  return failed(form, result.message, result.field ? { [result.field]: result.message } : undefined);
}

function refresh(teamId: string) {
  revalidatePath("/teams");
  revalidatePath(`/teams/${teamId}`);
  revalidatePath("/admin");
  // Team names and managers show on the workers list and profiles, and decide which workers a manager sees.
  revalidatePath("/workers", "layout");
  revalidatePath("/team");
}

export async function addTeam(_prev: FormState, form: FormData): Promise<FormState> {
  const admin = await requireRole("admin");
  const input = teamFields.safeParse(formObject(form, TEAM_LIST_FIELDS));
  if (!input.success) return formErrors(input.error, form);
  const result = createTeam(admin, input.data);
  if (!result.ok) return refused(form, result);
  refresh(result.teamId);
  redirect(`/teams/${result.teamId}?saved=created`);
}

export async function saveTeam(teamId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const admin = await requireRole("admin");
  const id = Id.safeParse(teamId);
  const input = teamFields.safeParse(formObject(form, TEAM_LIST_FIELDS));
  if (!input.success) return formErrors(input.error, form);
  if (!id.success) return failed(form, "Team not found");
  const result = updateTeam(admin, id.data, input.data);
  if (!result.ok) return refused(form, result);
  refresh(result.teamId);
  redirect(`/teams/${result.teamId}?saved=updated`);
}

export async function archive(teamId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const admin = await requireRole("admin");
  const id = Id.safeParse(teamId);
  if (!id.success) return failed(form, "Team not found");
  const result = archiveTeam(admin, id.data);
  if (!result.ok) return refused(form, result);
  refresh(result.teamId);
  redirect(`/teams/${result.teamId}?saved=archived`);
}

export async function restore(teamId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const admin = await requireRole("admin");
  const id = Id.safeParse(teamId);
  if (!id.success) return failed(form, "Team not found");
  const result = restoreTeam(admin, id.data);
  if (!result.ok) return refused(form, result);
  refresh(result.teamId);
  redirect(`/teams/${result.teamId}?saved=restored`);
}
