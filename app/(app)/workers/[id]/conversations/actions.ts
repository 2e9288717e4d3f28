"use server";
import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { requireRole, requireUser } from "@/lib/auth";
import { failed, formErrors, submittedLists, submittedValues, type FormState } from "@/lib/forms/state";
import { todayInLondon } from "@/lib/rules/dates";
import { conversationFields, conversationObject, newConversationFields, stepFields, stepRows, MAX_STEP_ROWS } from "@/lib/forms/conversation";
import { addStep, conversationDetail, recordConversation, setStepDone, stepToPdpGoal, updateConversation } from "@/db/queries/conversations";

function refresh(workerId: string, conversationId?: string) {
  revalidatePath(`/workers/${workerId}`);
  revalidatePath(`/workers/${workerId}/conversations`);
  if (conversationId) revalidatePath(`/workers/${workerId}/conversations/${conversationId}`);
}

const refused = (form: FormData, result: { message: string; field?: string }) =>
  failed(form, result.message, result.field ? { [result.field]: result.message } : undefined);

/** The new-conversation form: "Add another step" comes back with one more row; "Save" records it. */
export async function recordConversationAction(workerId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireRole("manager", "admin");
  const rows = stepRows(form);
  if (form.get("intent") === "add-step") {
    const count = Math.min(rows.length + 1, MAX_STEP_ROWS);
    return { values: { ...submittedValues(form), stepRows: String(count), focusStep: String(count - 1) }, lists: submittedLists(form) };
  }
  const today = todayInLondon();
  const appraisalId = form.get("appraisalId");
  const input = newConversationFields(today).safeParse({
    ...conversationObject(form),
    steps: rows,
    appraisalId: typeof appraisalId === "string" ? appraisalId : undefined,
  });
  if (!input.success) return formErrors(input.error, form);
  const result = recordConversation(user, workerId, input.data, today);
  if (!result.ok) return refused(form, result);
  refresh(workerId, result.conversationId);
  if (input.data.appraisalId) revalidatePath(`/workers/${workerId}/appraisals`);
  redirect(`/workers/${workerId}/conversations/${result.conversationId}?saved=recorded`);
}

export async function updateConversationAction(workerId: string, conversationId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireRole("manager", "admin");
  const today = todayInLondon();
  const input = conversationFields(today).safeParse(conversationObject(form));
  if (!input.success) return formErrors(input.error, form);
  const result = updateConversation(user, workerId, conversationId, input.data, today);
  if (!result.ok) return refused(form, result);
  refresh(workerId, conversationId);
  redirect(`/workers/${workerId}/conversations/${conversationId}?saved=updated`);
}

export async function addStepAction(workerId: string, conversationId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireRole("manager", "admin");
  const found = conversationDetail(user, workerId, conversationId);
  if (!found) notFound();
  const input = stepFields(todayInLondon(), found.conversation.heldOn).safeParse(Object.fromEntries(form));
  if (!input.success) return formErrors(input.error, form);
  const result = addStep(user, workerId, conversationId, input.data);
  if (!result.ok) return refused(form, result);
  refresh(workerId, conversationId);
  return { ok: true, message: "Step added" };
}

/** Done or not done (undo). The worker may tick their own steps; their manager and admins too. */
export async function setStepDoneAction(workerId: string, stepId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const done = form.get("done") === "1";
  const result = setStepDone(user, workerId, stepId, done);
  if (!result.ok) return { ok: false, message: result.message };
  refresh(workerId, result.conversationId);
  return { ok: true, message: done ? "Marked done" : "Marked not done" };
}

export async function stepToPdpGoalAction(workerId: string, stepId: string, _prev: FormState, _form: FormData): Promise<FormState> {
  const user = await requireRole("manager", "admin");
  const result = stepToPdpGoal(user, workerId, stepId);
  if (!result.ok) return { ok: false, message: result.message };
  refresh(workerId, result.conversationId);
  revalidatePath(`/workers/${workerId}/pdp`);
  return { ok: true, message: result.created ? "Added to their PDP" : "Already a goal in their PDP" };
}
