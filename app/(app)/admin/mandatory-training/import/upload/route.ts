// POST /admin/mandatory-training/import/upload: receives a CSV file of completions and checks it (the dry run). A
// route handler rather than a server action, as the staff list's is: upload progress, and files over 1 MB.
import { z } from "zod";
import { requireRole } from "@/lib/auth";
import { todayInLondon } from "@/lib/rules/dates";
import { formatBytes } from "@/lib/rules/worker-import/messages";
import { MAX_IMPORT_BYTES } from "@/lib/rules/csv-columns";
import { displayName, sameOrigin } from "@/lib/upload-request";
import { checkTrainingImport } from "@/db/queries/training-import";

const MAX_BODY_BYTES = MAX_IMPORT_BYTES + 64 * 1024;

const Upload = z.object({
  file: z
    .instanceof(File, { message: "Choose a CSV file to upload" })
    .refine((f) => f.size > 0 || f.name !== "", "Choose a CSV file to upload"),
});

export async function POST(request: Request) {
  const user = await requireRole("admin");
  const wantsJson = (request.headers.get("accept") ?? "").includes("application/json");
  const refuse = (message: string, status: number) =>
    wantsJson
      ? Response.json({ ok: false, message }, { status })
      : new Response(null, { status: 303, headers: { Location: "/admin/mandatory-training/import?refused=1" } });

  if (!sameOrigin(request)) return refuse("This upload did not come from a Pathways page.", 403);
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_BODY_BYTES) {
    return refuse(`The file is ${formatBytes(length)}. The largest file Pathways can import is ${formatBytes(MAX_IMPORT_BYTES)}: split it into smaller files.`, 413);
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return refuse("The file did not arrive whole. Try uploading it again.", 400);
  }
  const input = Upload.safeParse({ file: form.get("file") });
  if (!input.success) return refuse(input.error.issues[0]?.message ?? "Choose a CSV file to upload", 400);

  const bytes = new Uint8Array(await input.data.file.arrayBuffer());
  const result = await checkTrainingImport(user, { name: displayName(input.data.file.name), bytes }, todayInLondon());
  if (!result.ok) return refuse(result.message, 422);
  const location = `/admin/mandatory-training/import/${result.batchId}`;
  return wantsJson ? Response.json({ ok: true, location }) : new Response(null, { status: 303, headers: { Location: location } });
}
