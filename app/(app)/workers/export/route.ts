// GET /workers/export: the workers list as a CSV download, for the same query parameters as /workers.
import { requireRole } from "@/lib/auth";
import { parseWorkerFilters } from "@/lib/worker-filters";
import { todayInLondon } from "@/lib/rules/dates";
import { exportFileName, workersCsv } from "@/lib/worker-export";
import { exportWorkers } from "@/db/queries/worker-export";

export async function GET(request: Request) {
  const user = await requireRole("manager", "lead", "admin");
  const filters = parseWorkerFilters(new URL(request.url).searchParams);
  const rows = await exportWorkers(user, filters);
  return new Response(workersCsv(rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName(todayInLondon(), filters)}"`,
      // Names and employee numbers: never kept by a shared cache or the browser's.
      "Cache-Control": "no-store",
    },
  });
}
