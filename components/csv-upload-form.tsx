"use client";
// Uploads a CSV file to an import's route handler (a staff list, a file of training completions) with XMLHttpRequest,
// which reports upload progress (fetch does not), then opens the dry run. Without script the same form posts to the
// route handler and is redirected.
import { useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import { ErrorSummary } from "@/components/forms/error-summary";
import { TextField } from "@/components/forms/text-field";

type Phase = { kind: "idle" } | { kind: "uploading"; name: string; loaded: number; total: number } | { kind: "checking"; name: string } | { kind: "opening" };

// Chromium and Firefox draw <progress> in their own colours unless its parts are styled.
const BAR = "block h-4 w-full appearance-none bg-nhs-grey-4 [&::-moz-progress-bar]:bg-nhs-blue [&::-webkit-progress-bar]:bg-nhs-grey-4 [&::-webkit-progress-value]:bg-nhs-blue";

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function UploadForm({
  maxBytes,
  uploadUrl,
  resultPrefix,
  emptyMessage,
}: {
  maxBytes: number;
  /** The route handler that checks the file: "/workers/import/upload". */
  uploadUrl: string;
  /** Where its dry runs live; an answer pointing anywhere else is not followed. */
  resultPrefix: string;
  /** "The file is empty. Choose the CSV file of your staff list." */
  emptyMessage: string;
}) {
  const router = useRouter();
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [error, setError] = useState<string>();
  // A stable object, so the summary takes focus when the message changes and not on every progress event.
  const errors = useMemo(() => (error ? { file: error } : undefined), [error]);
  const busy = phase.kind !== "idle";

  function fail(message: string) {
    setPhase({ kind: "idle" });
    setError(message);
  }

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const file = new FormData(event.currentTarget).get("file");
    if (!(file instanceof File) || (file.size === 0 && file.name === "")) return fail("Choose a CSV file to upload");
    if (file.size === 0) return fail(emptyMessage);
    if (file.size > maxBytes) {
      return fail(`The file is ${size(file.size)}. The largest file Pathways can import is ${size(maxBytes)}: split it into smaller files.`);
    }
    setError(undefined);
    setPhase({ kind: "uploading", name: file.name, loaded: 0, total: file.size });

    const xhr = new XMLHttpRequest();
    xhr.open("POST", uploadUrl);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = (e) => setPhase({ kind: "uploading", name: file.name, loaded: e.loaded, total: e.lengthComputable ? e.total : file.size });
    xhr.upload.onload = () => setPhase({ kind: "checking", name: file.name });
    xhr.onload = () => {
      let body: { ok?: boolean; location?: unknown; message?: unknown } | undefined;
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        body = undefined;
      }
      if (body?.ok && typeof body.location === "string" && body.location.startsWith(resultPrefix)) {
        setPhase({ kind: "opening" });
        router.push(body.location);
        return;
      }
      fail(
        typeof body?.message === "string"
          ? body.message
          : "Pathways could not check the file. If you have been away for a while, sign in again, then upload it once more.",
      );
    };
    xhr.onerror = () => fail("The upload did not finish. Check your connection and try again.");
    const data = new FormData();
    data.append("file", file);
    xhr.send(data);
  }

  const status =
    phase.kind === "uploading"
      ? `Uploading ${phase.name}…`
      : phase.kind === "checking"
        ? `Uploaded. Checking every row of ${phase.name}…`
        : phase.kind === "opening"
          ? "Checked. Opening the results…"
          : "";

  return (
    <form action={uploadUrl} method="post" encType="multipart/form-data" onSubmit={onSubmit} noValidate>
      <ErrorSummary errors={errors} />
      <TextField
        name="file"
        label="CSV file"
        type="file"
        accept=".csv,text/csv"
        hint={`A .csv file of up to ${size(maxBytes)}. The first row must name the columns.`}
        error={error}
        disabled={busy}
        className="max-w-xl"
      />
      <p role="status" aria-live="polite" className={status ? "mb-2 font-semibold" : "sr-only"}>
        {status}
      </p>
      {busy ? (
        <div className="mb-5 max-w-xl">
          <label htmlFor="upload-progress" className="sr-only">
            {phase.kind === "uploading" ? "Upload progress" : "Checking the rows"}
          </label>
          {phase.kind === "uploading" ? (
            <>
              <progress id="upload-progress" max={phase.total || 1} value={phase.loaded} className={BAR} />
              <p className="text-sm text-nhs-secondary">
                {size(phase.loaded)} of {size(phase.total)}
              </p>
            </>
          ) : (
            // No value: an indeterminate bar while the server checks the rows.
            <progress id="upload-progress" className={`${BAR} animate-pulse`} />
          )}
        </div>
      ) : null}
      <button type="submit" className="btn" disabled={busy} aria-disabled={busy}>
        {phase.kind === "uploading" ? "Uploading…" : phase.kind === "idle" ? "Upload and check" : "Checking…"}
      </button>
    </form>
  );
}
