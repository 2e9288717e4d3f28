"use server";
// The forms on a competency statement's page: the worker's self-assessment, evidence, the manager's sign-off and
// reopening. The data layer decides who may: a lead is told they only read; anyone who may not see the worker gets 404.
import { z } from "zod";
import { defineAction, defineSignature } from "@/lib/action";
import { Id } from "@/lib/forms/ids";
import { evidenceFields, reopenFields, selfAssessmentFields, signOffFields } from "@/lib/forms/competency";
import { addEvidence, reopen, selfAssess, signOff } from "@/db/queries/competencies";

const refresh = (workerId: string, statementId: string) => [
  `/workers/${workerId}`,
  `/workers/${workerId}/competencies`,
  `/workers/${workerId}/competencies/${statementId}`,
  "/me",
  "/team",
];

const WorkerStatement = z.tuple([Id, Id]);
/** The worker rates and adds evidence; their manager and admins add evidence (and are told only the worker rates). */
const ANYONE_WHO_SEES_IT = ["support_worker", "manager", "admin", "lead"] as const;
/** Signing off and reopening: the worker's manager (an admin is told so; a lead that they only read). */
const MANAGERS = ["manager", "admin", "lead"] as const;

export const selfAssessAction = defineAction({
  roles: ANYONE_WHO_SEES_IT,
  ids: WorkerStatement,
  input: selfAssessmentFields,
  run: async ({ user, ids: [workerId, statementId], input }) => await selfAssess(user, workerId, statementId, input),
  revalidate: ({ ids: [workerId], result }) => refresh(workerId, result.statementId),
  done: "Self-assessment saved",
});

export const addEvidenceAction = defineAction({
  roles: ANYONE_WHO_SEES_IT,
  ids: WorkerStatement,
  input: ({ today }) => evidenceFields(today),
  run: async ({ user, ids: [workerId, statementId], input, today }) => await addEvidence(user, workerId, statementId, input, today),
  revalidate: ({ ids: [workerId], result }) => refresh(workerId, result.statementId),
  done: "Evidence added",
});

export const signOffCompetencyAction = defineSignature({
  roles: MANAGERS,
  ids: WorkerStatement,
  input: ({ today }) => signOffFields(today),
  run: async ({ user, ids: [workerId, statementId], input, today, signature }) => await signOff(user, workerId, statementId, input, signature, today),
  revalidate: ({ ids: [workerId], result }) => refresh(workerId, result.statementId),
  redirect: ({ ids: [workerId], result }) => `/workers/${workerId}/competencies/${result.statementId}?saved=signed_off`,
});

export const reopenCompetencyAction = defineAction({
  roles: MANAGERS,
  ids: WorkerStatement,
  input: reopenFields,
  run: async ({ user, ids: [workerId, statementId], input }) => await reopen(user, workerId, statementId, input.reason),
  revalidate: ({ ids: [workerId], result }) => refresh(workerId, result.statementId),
  redirect: ({ ids: [workerId], result }) => `/workers/${workerId}/competencies/${result.statementId}?saved=reopened`,
});
