// GET /mandatory-training/export: where every in-post worker the user may see stands on each subject they need, as a
// CSV download (a row a worker and subject), written a chunk of workers at a time. In-post workers only: a leaver has
// no training to keep in date.
import { requireRole } from "@/lib/auth";
import { todayInLondon } from "@/lib/rules/dates";
import { csvLines, toCsv } from "@/lib/csv";
import { parseWorkerFilters } from "@/lib/worker-filters";
import { streamedCsv } from "@/lib/csv-response";
import { COMPLIANCE_CSV_HEAD, exportCompliance } from "@/db/queries/mandatory-training";

export async function GET(request: Request) {
  const user = await requireRole("manager", "lead", "admin");
  const today = todayInLondon();
  // From the workers list, its filters (search, team, profession...) choose the workers; without any, everyone seen.
  const params = new URL(request.url).searchParams;
  const file = await exportCompliance(user, today, params.size > 0 ? parseWorkerFilters(params) : undefined);
  return streamedCsv(`mandatory-training-${today}.csv`, toCsv([COMPLIANCE_CSV_HEAD]), file.rows(), csvLines);
}
