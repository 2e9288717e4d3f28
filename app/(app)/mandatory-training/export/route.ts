// GET /mandatory-training/export: where every in-post worker the user may see stands on each subject they need, as a
// CSV download (a row a worker and subject), written a chunk of workers at a time.
import { requireRole } from "@/lib/auth";
import { todayInLondon } from "@/lib/rules/dates";
import { csvLines, toCsv } from "@/lib/csv";
import { streamedCsv } from "@/lib/csv-response";
import { COMPLIANCE_CSV_HEAD, exportCompliance } from "@/db/queries/mandatory-training";

export async function GET() {
  const user = await requireRole("manager", "lead", "admin");
  const today = todayInLondon();
  const file = await exportCompliance(user, today);
  return streamedCsv(`mandatory-training-${today}.csv`, toCsv([COMPLIANCE_CSV_HEAD]), file.rows(), csvLines);
}
