import "server-only";
// The workers list as a CSV file: the same rows as the list page for the same filters, with an audit row,
// because a file of names and employee numbers leaving the system is worth recording.
import { db } from "../client";
import { audit } from "../audit";
import { workerIdsMatching, workersInOrder } from "./workers";
import type { SessionUser } from "../../lib/session-user";
import type { WorkerFilters } from "../../lib/worker-filters";

/**
 * Workers read in one statement while the file is written. A lead's 47,000 workers read, joined and sorted in one
 * statement took 0.7 to 1.3 s at 50,000 workers, in a transaction, during which no other request's statement ran;
 * now the sorted ids are read first and the rows a chunk at a time, letting other requests run between chunks.
 */
const EXPORT_CHUNK = 2_000;

/**
 * The export of the filtered list: how many rows, audited before any is read, and the rows in the list's order, a
 * chunk at a time. A worker changed while the file is written is written as they are when their chunk is read; one
 * removed, or moved out of the user's sight, is left out.
 */
export async function exportWorkers(user: SessionUser, filters: WorkerFilters, chunk = EXPORT_CHUNK) {
  const ids = await workerIdsMatching(user, filters);
  const { page: _page, ...used } = filters;
  await db.transaction(async (tx) => await audit(tx, user, { action: "workers.export", entityType: "worker_list", entityId: "workers", summary: { filters: used, rows: ids.length } }));
  return {
    count: ids.length,
    async *rows() {
      for (let i = 0; i < ids.length; i += chunk) {
        // Other requests first: on SQLite every statement runs on the server's one thread.
        if (i > 0) await new Promise((resolve) => setImmediate(resolve));
        yield await workersInOrder(user, ids.slice(i, i + chunk));
      }
    },
  };
}
