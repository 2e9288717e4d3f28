// POST /workers/import/upload: receives a CSV file and checks it (the dry run). A route handler rather than a
// server action so the browser can report upload progress and a file can exceed the 1 MB server-action limit.
// The upload form's script asks for JSON; without script the form posts here and is redirected.
import { z } from "zod";
import { requireRole } from "@/lib/auth";
import { displayName, sameOrigin } from "@/lib/upload-request";
import { todayInLondon } from "@/lib/rules/dates";
import { formatBytes } from "@/lib/rules/worker-import/messages";
import { MAX_IMPORT_BYTES } from "@/lib/rules/worker-import/read-file";
import { checkWorkerImport } from "@/db/queries/worker-import";

// Room for the multipart envelope around a file of the largest size.
const MAX_BODY_BYTES = MAX_IMPORT_BYTES + 64 * 1024;

const Upload = z.object({
  file: z
    .instanceof(File, { message: "Choose a CSV file to upload" })
    .refine((f) => f.size > 0 || f.name !== "", "Choose a CSV file to upload"),
});

export async function POST(request: Request) {
  const user = await requireRole("manager", "admin");
  const wantsJson = (request.headers.get("accept") ?? "").includes("application/json");
  const refuse = (message: string, status: number) =>
    wantsJson
      ? Response.json({ ok: false, message }, { status })
      : new Response(null, { status: 303, headers: { Location: "/workers/import?refused=1" } });

  if (!sameOrigin(request)) return refuse("This upload did not come from a Pathways page.", 403);
  const length = Number(request.headers.get("content-length") ?? 0);
  // Refused before reading, so a huge file costs nothing (the browser's script refuses it before sending, too).
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
  const result = await checkWorkerImport(user, { name: displayName(input.data.file.name), bytes }, todayInLondon());
  if (!result.ok) return refuse(result.message, 422);
  const location = `/workers/import/${result.batchId}`;
  return wantsJson ? Response.json({ ok: true, location }) : new Response(null, { status: 303, headers: { Location: location } });
}
