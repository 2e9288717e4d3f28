import "server-only";
// The workers list as a CSV file: the same rows as the list page for the same filters, with an audit row,
// because a file of names and employee numbers leaving the system is worth recording.
import { db } from "../client";
import { audit } from "../audit";
import { allWorkersMatching } from "./workers";
import type { SessionUser } from "../../lib/session-user";
import type { WorkerFilters } from "../../lib/worker-filters";

export async function exportWorkers(user: SessionUser, filters: WorkerFilters) {
  return await db.transaction(async (tx) => {
    const rows = await allWorkersMatching(user, filters);
    const { page: _page, ...used } = filters;
    await audit(tx, user, { action: "workers.export", entityType: "worker_list", entityId: "workers", summary: { filters: used, rows: rows.length } });
    return rows;
  });
}
