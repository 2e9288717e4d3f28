// GET /workers/export: the workers list as a CSV download, for the same query parameters as /workers. Written as it
// is read, a chunk of workers at a time (db/queries/worker-export.ts), so a lead's 47,000 start arriving at once and
// other requests run between the chunks.
import { requireRole } from "@/lib/auth";
import { parseWorkerFilters } from "@/lib/worker-filters";
import { todayInLondon } from "@/lib/rules/dates";
import { exportFileName, workersCsvHead, workersCsvPart } from "@/lib/worker-export";
import { exportWorkers } from "@/db/queries/worker-export";

export async function GET(request: Request) {
  const user = await requireRole("manager", "lead", "admin");
  const filters = parseWorkerFilters(new URL(request.url).searchParams);
  const file = await exportWorkers(user, filters);
  const chunks = file.rows();
  const encoder = new TextEncoder();
  let started = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(workersCsvHead()));
        return;
      }
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(workersCsvPart(next.value)));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName(todayInLondon(), filters)}"`,
      // Names and employee numbers: never kept by a shared cache or the browser's.
      "Cache-Control": "no-store",
    },
  });
}
