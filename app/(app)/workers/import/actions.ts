"use server";
import { z } from "zod";
import { notFound, redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { requireRole } from "@/lib/auth";
import { todayInLondon } from "@/lib/rules/dates";
import type { FormState } from "@/lib/forms/state";
import { applyWorkerImport } from "@/db/queries/worker-import";

const BatchId = z.string().trim().min(1).max(64);

/** Confirms a checked file: applies the rows the dry run showed, all or nothing. */
export async function confirmImport(batchId: string, _prev: FormState, _form: FormData): Promise<FormState> {
  const user = await requireRole("manager", "admin");
  const id = BatchId.safeParse(batchId);
  if (!id.success) notFound();
  const result = applyWorkerImport(user, id.data, todayInLondon());
  if (!result.ok) {
    if (result.reason === "not_found") notFound();
    return { ok: false, message: result.message };
  }
  revalidatePath("/workers");
  revalidatePath("/team");
  redirect(`/workers/import/${id.data}`);
}
