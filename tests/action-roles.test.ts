// The roles each formerly "any signed-in user" action now lists: a role left out gets 404 before anything is read.
// (Allowed roles are exercised with real records in each feature's own tests.)
import { describe, expect, it, vi } from "vitest";
import { newId } from "@/db/schema/_shared";
import type { Role } from "@/lib/vocabulary";
import { makeOrg, makeUser, asSession } from "./support/factory";
import { actAs, formData, NOT_FOUND } from "./support/auth-mock";

vi.mock("@/lib/auth", () => import("./support/auth-mock"));
vi.mock("next/cache", () => import("./support/next-cache-mock"));

type AnyAction = (...args: never[]) => Promise<unknown>;

async function refuses(role: Role, action: AnyAction, boundIds: number) {
  const org = await makeOrg();
  actAs(asSession(await makeUser(org.id, role)));
  const ids = Array.from({ length: boundIds }, () => newId());
  await expect((action as (...args: unknown[]) => Promise<unknown>)(...ids, {}, formData({}))).rejects.toThrow(NOT_FOUND);
}

describe("denied roles", () => {
  it("apprenticeships: a support worker cannot run one (they log their own hours only)", async () => {
    const a = await import("@/app/(app)/workers/[id]/apprenticeship/actions");
    await refuses("support_worker", a.startApprenticeshipAction, 1);
    for (const action of [a.changeApprenticeshipStatusAction, a.recordReviewAction, a.recordEpaAction, a.recordPositionAction]) await refuses("support_worker", action, 2);
    for (const action of [a.tickGatewayAction, a.untickGatewayAction]) await refuses("support_worker", action, 3);
  });

  it("competencies: a support worker cannot sign off or reopen", async () => {
    const c = await import("@/app/(app)/workers/[id]/competencies/actions");
    await refuses("support_worker", c.signOffCompetencyAction, 2);
    await refuses("support_worker", c.reopenCompetencyAction, 2);
  });

  it("training requests: a support worker cannot approve or decline", async () => {
    const l = await import("@/app/(app)/workers/[id]/cpd/actions");
    await refuses("support_worker", l.decideRequestAction, 2);
  });

  it("supervision: a support worker records, delegates, reviews and ends nothing", async () => {
    const s = await import("@/app/(app)/workers/[id]/supervision/actions");
    await refuses("support_worker", s.recordSessionAction, 1);
    await refuses("support_worker", s.delegateTaskAction, 1);
    await refuses("support_worker", s.reviewTaskAction, 2);
    await refuses("support_worker", s.endTaskAction, 2);
  });

  it("career steps: a lead cannot tick a step done", async () => {
    const c = await import("@/app/(app)/workers/[id]/conversations/actions");
    await refuses("lead", c.setStepDoneAction, 2);
  });
});
