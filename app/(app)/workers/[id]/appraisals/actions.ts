"use server";
// The appraisal's server actions: each says who may act, validates, and leaves access and the lifecycle to db/.
import { z } from "zod";
import { defineAction, defineSignature, refusalState } from "@/lib/action";
import { Id } from "@/lib/forms/ids";
import { submittedValues, type FormState } from "@/lib/forms/state";
import {
  appraisalFields,
  appraisalFormObject,
  feedbackFields,
  feedbackInviteFields,
  objectiveRowCount,
  preparationFields,
  reasonFields,
  rescheduleFields,
  scheduleFields,
  signOffFields,
} from "@/lib/forms/appraisal";
import * as appraisals from "@/db/queries/appraisals";
import { savePreparation } from "@/db/queries/appraisal-preparation";
import { askForFeedback, declineFeedback, giveFeedback } from "@/db/queries/appraisal-feedback";

function refresh(workerId: string, appraisalId?: string) {
  return [
    `/workers/${workerId}/appraisals`,
    ...(appraisalId ? [`/workers/${workerId}/appraisals/${appraisalId}`] : []),
    `/workers/${workerId}`,
    "/team",
    "/me",
  ];
}

const pagePath = (workerId: string, appraisalId: string, done: string) => `/workers/${workerId}/appraisals/${appraisalId}?done=${done}`;

const WorkerAppraisal = z.tuple([Id, Id]);

/** Managing an appraisal: the worker's manager or an administrator. */
const MANAGERS = ["manager", "admin"] as const;
// The worker signs or sends back; the data layer tells anyone else who can see it that only the worker can.
const ANYONE_WHO_SEES_IT = ["support_worker", "manager", "lead", "admin"] as const;

export const scheduleAppraisalAction = defineAction({
  roles: MANAGERS,
  ids: z.tuple([Id]),
  input: scheduleFields,
  run: async ({ user, ids: [workerId], input }) => await appraisals.scheduleAppraisal(user, workerId, input),
  revalidate: ({ ids: [workerId] }) => refresh(workerId),
  redirect: ({ ids: [workerId], result }) => pagePath(workerId, result.appraisalId, "scheduled"),
});

/** Moves a booked appraisal to another date, with a reason: whoever may book it. */
export const rescheduleAppraisalAction = defineAction({
  roles: MANAGERS,
  ids: WorkerAppraisal,
  input: rescheduleFields,
  run: async ({ user, ids: [workerId, appraisalId], input, today }) => await appraisals.rescheduleAppraisal(user, workerId, appraisalId, input, today),
  revalidate: ({ ids: [workerId, appraisalId] }) => refresh(workerId, appraisalId),
  redirect: ({ ids: [workerId, appraisalId] }) => pagePath(workerId, appraisalId, "rescheduled"),
});

export const startAppraisalAction = defineAction({
  roles: MANAGERS,
  ids: WorkerAppraisal,
  run: async ({ user, ids: [workerId, appraisalId] }) => await appraisals.startAppraisal(user, workerId, appraisalId),
  revalidate: ({ ids: [workerId, appraisalId] }) => refresh(workerId, appraisalId),
  redirect: ({ ids: [workerId, appraisalId] }) => pagePath(workerId, appraisalId, "started"),
});

/**
 * The manager's form. Three buttons: save; add another objective row (nothing saved: the form comes back with what
 * was typed and one more row); save and send for sign-off.
 */
export const saveAppraisalAction = defineAction({
  roles: MANAGERS,
  ids: WorkerAppraisal,
  before: ({ form }): FormState | undefined => {
    if (form.get("intent") !== "add_objective") return undefined;
    const values = submittedValues(form);
    delete values.intent;
    values[`objectives.${objectiveRowCount(values)}.title`] = "";
    return { ok: true, message: "A new objective row was added at the end of the list", values };
  },
  input: appraisalFields,
  read: appraisalFormObject,
  run: async ({ user, ids: [workerId, appraisalId], input, form }) => {
    const saved = await appraisals.saveAppraisal(user, workerId, appraisalId, input);
    if (!saved.ok || form.get("intent") !== "send") return { ...saved, sent: undefined };
    return { ...saved, sent: await appraisals.sendForSignOff(user, workerId, appraisalId) };
  },
  revalidate: ({ ids: [workerId, appraisalId] }) => refresh(workerId, appraisalId),
  redirect: ({ ids: [workerId, appraisalId], result }) => (result.sent?.ok ? pagePath(workerId, appraisalId, "sent") : undefined),
  done: ({ result, form }): FormState =>
    result.sent && !result.sent.ok
      ? { ...refusalState(form, result.sent), message: `Your changes were saved, but ${result.sent.message.toLowerCase()}` }
      : { ok: true, message: "Appraisal saved" },
});

export const objectivesToPdpAction = defineAction({
  roles: MANAGERS,
  ids: WorkerAppraisal,
  run: async ({ user, ids: [workerId, appraisalId] }) => await appraisals.objectivesToPdp(user, workerId, appraisalId),
  revalidate: ({ ids: [workerId, appraisalId] }) => [...refresh(workerId, appraisalId), `/workers/${workerId}/pdp`],
  // A redirect rather than a message in the form: once every objective is a goal, the button (and its form) goes.
  redirect: ({ ids: [workerId, appraisalId], result }) => `${pagePath(workerId, appraisalId, "pdp")}&added=${result.added ?? 0}`,
});

export const signOffAppraisalAction = defineSignature({
  roles: ANYONE_WHO_SEES_IT,
  ids: WorkerAppraisal,
  input: signOffFields,
  run: async ({ user, ids: [workerId, appraisalId], input, signature }) => await appraisals.signOff(user, workerId, appraisalId, input, signature),
  revalidate: ({ ids: [workerId, appraisalId] }) => refresh(workerId, appraisalId),
  redirect: ({ ids: [workerId, appraisalId], result }) => pagePath(workerId, appraisalId, result.completed ? "signed" : "signed_first"),
});

/** The appraiser's signature, beside the worker's: the worker's manager or an administrator, with their password again. */
export const signAsAppraiserAction = defineSignature({
  roles: MANAGERS,
  ids: WorkerAppraisal,
  run: async ({ user, ids: [workerId, appraisalId], signature }) => await appraisals.signAsAppraiser(user, workerId, appraisalId, signature),
  revalidate: ({ ids: [workerId, appraisalId] }) => refresh(workerId, appraisalId),
  redirect: ({ ids: [workerId, appraisalId], result }) => pagePath(workerId, appraisalId, result.completed ? "countersigned" : "appraiser_signed_first"),
});

export const returnToManagerAction = defineAction({
  roles: ANYONE_WHO_SEES_IT,
  ids: WorkerAppraisal,
  input: reasonFields,
  run: async ({ user, ids: [workerId, appraisalId], input }) => await appraisals.returnToManager(user, workerId, appraisalId, input.reason),
  revalidate: ({ ids: [workerId, appraisalId] }) => refresh(workerId, appraisalId),
  redirect: ({ ids: [workerId, appraisalId] }) => pagePath(workerId, appraisalId, "returned"),
});

export const reopenAppraisalAction = defineAction({
  roles: MANAGERS,
  ids: WorkerAppraisal,
  input: reasonFields,
  run: async ({ user, ids: [workerId, appraisalId], input }) => await appraisals.reopenAppraisal(user, workerId, appraisalId, input.reason),
  revalidate: ({ ids: [workerId, appraisalId] }) => refresh(workerId, appraisalId),
  redirect: ({ ids: [workerId, appraisalId] }) => pagePath(workerId, appraisalId, "reopened"),
});

export const cancelAppraisalAction = defineAction({
  roles: MANAGERS,
  ids: WorkerAppraisal,
  input: reasonFields,
  run: async ({ user, ids: [workerId, appraisalId], input }) => await appraisals.cancelAppraisal(user, workerId, appraisalId, input.reason),
  revalidate: ({ ids: [workerId, appraisalId] }) => refresh(workerId, appraisalId),
  redirect: ({ ids: [workerId, appraisalId] }) => pagePath(workerId, appraisalId, "cancelled"),
});

/**
 * The worker's preparation: "Save and come back later" keeps it to themselves; "Share with my manager" shares it
 * (once shared, later saves are shared too). Only the worker writes it, so only a support worker may call this.
 */
export const savePreparationAction = defineAction({
  roles: ["support_worker"],
  ids: WorkerAppraisal,
  input: preparationFields,
  run: async ({ user, ids: [workerId, appraisalId], input, form }) => await savePreparation(user, workerId, appraisalId, input, form.get("intent") === "share"),
  revalidate: ({ ids: [workerId, appraisalId] }) => [...refresh(workerId, appraisalId), `/workers/${workerId}/appraisals/${appraisalId}/preparation`],
  done: ({ result }): FormState => ({
    ok: true,
    message: result.sharedNow
      ? "Shared with your manager. You can still add to it until the appraisal is complete."
      : result.shared
        ? "Saved. Your manager sees these changes."
        : "Saved. Only you can see it until you share it with your manager.",
  }),
});

/**
 * Asks a colleague for feedback for the appraisal: the worker on their own record, or their manager. Leads and
 * administrators neither ask nor read it (decision record 0035).
 */
export const askForFeedbackAction = defineAction({
  roles: ["support_worker", "manager"],
  ids: WorkerAppraisal,
  input: feedbackInviteFields,
  run: async ({ user, ids: [workerId, appraisalId], input }) => await askForFeedback(user, workerId, appraisalId, input),
  revalidate: ({ ids: [workerId, appraisalId] }) => [...refresh(workerId, appraisalId), "/inbox"],
  redirect: ({ ids: [workerId, appraisalId] }) => `${pagePath(workerId, appraisalId, "feedback_asked")}#feedback-heading`,
});

const WorkerAppraisalRequest = z.tuple([Id, Id, Id]);
const feedbackPath = (workerId: string, appraisalId: string, requestId: string) => `/workers/${workerId}/appraisals/${appraisalId}/feedback/${requestId}`;

/** The colleague asked gives their feedback, once: only the person asked (the data layer finds the request by them). */
export const giveFeedbackAction = defineAction({
  roles: ["support_worker", "manager"],
  ids: WorkerAppraisalRequest,
  input: feedbackFields,
  run: async ({ user, ids: [workerId, appraisalId, requestId], input }) => await giveFeedback(user, workerId, appraisalId, requestId, input),
  revalidate: ({ ids: [workerId, appraisalId, requestId] }) => [feedbackPath(workerId, appraisalId, requestId), `/workers/${workerId}/appraisals/${appraisalId}`, "/inbox", "/me", "/team"],
  redirect: ({ ids: [workerId, appraisalId, requestId] }) => `${feedbackPath(workerId, appraisalId, requestId)}?done=given`,
});

/** The colleague asked declines, once. */
export const declineFeedbackAction = defineAction({
  roles: ["support_worker", "manager"],
  ids: WorkerAppraisalRequest,
  run: async ({ user, ids: [workerId, appraisalId, requestId] }) => await declineFeedback(user, workerId, appraisalId, requestId),
  revalidate: ({ ids: [workerId, appraisalId, requestId] }) => [feedbackPath(workerId, appraisalId, requestId), `/workers/${workerId}/appraisals/${appraisalId}`, "/inbox", "/me", "/team"],
  redirect: ({ ids: [workerId, appraisalId, requestId] }) => `${feedbackPath(workerId, appraisalId, requestId)}?done=declined`,
});
