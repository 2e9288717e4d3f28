import "server-only";
import type { SessionUser } from "@/lib/session-user";
import { teamOptions, professionOptions, stageOptions, bandOptions, careSettingOptions } from "@/db/queries/reference";
import { lineManagerOptions } from "@/db/queries/worker-changes";
import type { WorkerFormOptions } from "./worker-form";

/** The choices on the worker form: a manager's own teams, every live reference value, active managers. */
export async function workerFormOptions(user: SessionUser): Promise<WorkerFormOptions> {
  return {
    teams: await teamOptions(user),
    professions: await professionOptions(),
    stages: await stageOptions(),
    bands: await bandOptions(),
    careSettings: await careSettingOptions(),
    lineManagers: await lineManagerOptions(user),
  };
}
