"use server";
// The apprenticeship page's forms. The data layer decides who may: a lead is told they only read; anyone else who may
// not gets 404. Each then refreshes the pages that show apprenticeships.
import { z } from "zod";
import { defineAction } from "@/lib/action";
import { Id } from "@/lib/forms/ids";
import { epaFields, gatewayFields, otjFields, positionFields, reviewFields, startFields, statusFields } from "@/lib/forms/apprenticeship";
import { apprenticeshipStatusWords, epaResultWords } from "@/lib/vocabulary";
import { isPassingResult } from "@/lib/rules/apprenticeship-tracking";
import {
  changeApprenticeshipStatus,
  deleteOtjLog,
  logOtj,
  recordEpaResult,
  recordProgressionPosition,
  recordReview,
  startApprenticeship,
  tickGateway,
  untickGateway,
} from "@/db/queries/apprenticeship-changes";

const refresh = ({ ids: [workerId] }: { ids: readonly [string, ...unknown[]] }) => [
  `/workers/${workerId}`,
  `/workers/${workerId}/apprenticeship`,
  "/apprenticeships",
  "/me",
  "/team",
];

/** Running the apprenticeship: the worker's manager or an admin; a lead is told they only read. */
const RUNS_IT = ["manager", "admin", "lead"] as const;
/** Off-the-job hours: the worker logs their own too. */
const LOGS_HOURS = ["support_worker", "manager", "admin", "lead"] as const;

const WorkerApprenticeship = z.tuple([Id, Id]);

export const startApprenticeshipAction = defineAction({
  roles: RUNS_IT,
  ids: z.tuple([Id]),
  input: startFields,
  run: async ({ user, ids: [workerId], input }) => await startApprenticeship(user, workerId, input),
  revalidate: refresh,
  done: ({ input }) => ({ ok: true, message: input.started === "planned" ? "Apprenticeship planned" : "Apprenticeship started" }),
});

export const changeApprenticeshipStatusAction = defineAction({
  roles: RUNS_IT,
  ids: WorkerApprenticeship,
  input: statusFields,
  run: async ({ user, ids: [workerId, apprenticeshipId], input }) => await changeApprenticeshipStatus(user, workerId, apprenticeshipId, input),
  revalidate: refresh,
  done: ({ input }) => ({ ok: true, message: `Status changed to ${apprenticeshipStatusWords.label(input.to).toLowerCase()}` }),
});

export const logOtjAction = defineAction({
  roles: LOGS_HOURS,
  ids: WorkerApprenticeship,
  input: otjFields,
  run: async ({ user, ids: [workerId, apprenticeshipId], input }) => await logOtj(user, workerId, apprenticeshipId, input),
  revalidate: refresh,
  done: ({ input }) => ({ ok: true, message: `${input.hours} ${input.hours === 1 ? "hour" : "hours"} of off-the-job training logged` }),
});

export const deleteOtjLogAction = defineAction({
  roles: LOGS_HOURS,
  ids: z.tuple([Id, Id]),
  run: async ({ user, ids: [workerId, logId] }) => await deleteOtjLog(user, workerId, logId),
  revalidate: refresh,
  done: "Entry removed",
});

export const recordReviewAction = defineAction({
  roles: RUNS_IT,
  ids: WorkerApprenticeship,
  input: reviewFields,
  run: async ({ user, ids: [workerId, apprenticeshipId], input }) => await recordReview(user, workerId, apprenticeshipId, input),
  revalidate: refresh,
  done: "Progress review recorded",
});

export const tickGatewayAction = defineAction({
  roles: RUNS_IT,
  ids: z.tuple([Id, Id, Id]),
  input: gatewayFields,
  run: async ({ user, ids: [workerId, apprenticeshipId, requirementId], input }) => await tickGateway(user, workerId, apprenticeshipId, requirementId, input),
  revalidate: refresh,
  done: "Requirement ticked",
});

export const untickGatewayAction = defineAction({
  roles: RUNS_IT,
  ids: z.tuple([Id, Id, Id]),
  run: async ({ user, ids: [workerId, apprenticeshipId, requirementId] }) => await untickGateway(user, workerId, apprenticeshipId, requirementId),
  revalidate: refresh,
  done: "Tick removed",
});

export const recordEpaAction = defineAction({
  roles: RUNS_IT,
  ids: WorkerApprenticeship,
  input: epaFields,
  run: async ({ user, ids: [workerId, apprenticeshipId], input }) => await recordEpaResult(user, workerId, apprenticeshipId, input),
  revalidate: refresh,
  done: ({ input }) => ({
    ok: true,
    message: isPassingResult(input.result)
      ? `Apprenticeship completed: ${epaResultWords.label(input.result).toLowerCase()}`
      : "Fail recorded; the apprenticeship stays in end-point assessment for a resit",
  }),
});

export const recordPositionAction = defineAction({
  roles: RUNS_IT,
  ids: WorkerApprenticeship,
  input: positionFields,
  run: async ({ user, ids: [workerId, apprenticeshipId], input }) => await recordProgressionPosition(user, workerId, apprenticeshipId, input),
  revalidate: refresh,
  done: "New position recorded on the worker's history",
});
