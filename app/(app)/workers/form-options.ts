import "server-only";
import type { SessionUser } from "@/lib/session-user";
import { teamOptions, professionOptions, stageOptions, bandOptions, careSettingOptions } from "@/db/queries/reference";
import { lineManagerOptions } from "@/db/queries/worker-changes";
import type { WorkerFormOptions } from "./worker-form";

/** The choices on the worker form: a manager's own teams, every live reference value, active managers. */
export function workerFormOptions(user: SessionUser): WorkerFormOptions {
  return {
    teams: teamOptions(user),
    professions: professionOptions(),
    stages: stageOptions(),
    bands: bandOptions(),
    careSettings: careSettingOptions(),
    lineManagers: lineManagerOptions(user),
  };
}
