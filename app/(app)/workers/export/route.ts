// GET /workers/export: the workers list as a CSV download, for the same query parameters as /workers. Written as it
// is read, a chunk of workers at a time (db/queries/worker-export.ts), so a lead's 47,000 start arriving at once and
// other requests run between the chunks.
import { requireRole } from "@/lib/auth";
import { parseWorkerFilters } from "@/lib/worker-filters";
import { todayInLondon } from "@/lib/rules/dates";
import { streamedCsv } from "@/lib/csv-response";
import { exportFileName, workersCsvHead, workersCsvPart } from "@/lib/worker-export";
import { exportWorkers } from "@/db/queries/worker-export";

export async function GET(request: Request) {
  const user = await requireRole("manager", "lead", "admin");
  const filters = parseWorkerFilters(new URL(request.url).searchParams);
  const file = await exportWorkers(user, filters);
  return streamedCsv(exportFileName(todayInLondon(), filters), workersCsvHead(), file.rows(), workersCsvPart);
}
