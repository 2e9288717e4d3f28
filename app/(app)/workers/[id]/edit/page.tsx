import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth";
import { editableWorker } from "@/db/queries/worker-changes";
import { workerProfile } from "@/db/queries/workers";
import { WorkerForm } from "../../worker-form";
import { workerFormOptions } from "../../form-options";
import { saveWorker } from "../../actions";

export const metadata: Metadata = { title: "Edit worker" };

export default async function EditWorkerPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole("manager", "admin");
  const { id } = await params;
  const worker = editableWorker(user, id);
  if (!worker) notFound();
  const options = workerFormOptions(user);
  // Keep a worker's current team selectable even when the manager only line-manages them.
  if (!options.teams.some(([teamId]) => teamId === worker.teamId)) {
    const current = workerProfile(user, id);
    if (current) options.teams = [[worker.teamId, current.teamName], ...options.teams];
  }
  const name = `${worker.firstName} ${worker.lastName}`;
  return (
    <div className="max-w-3xl">
      <p className="mb-2">
        <Link href={`/workers/${id}`}>Back to {name}</Link>
      </p>
      <h1 className="mb-6">Edit {name}</h1>
      {worker.status === "left" ? (
        <p className="card">{name} has left. Their record is kept as it was and can no longer be changed.</p>
      ) : (
        <WorkerForm
          action={saveWorker.bind(null, id)}
          options={options}
          mode="edit"
          submitLabel="Save changes"
          defaults={{
            firstName: worker.firstName,
            lastName: worker.lastName,
            employeeNumber: worker.employeeNumber,
            jobTitle: worker.jobTitle,
            professionId: worker.professionId,
            stageId: worker.stageId,
            bandId: worker.bandId ?? "",
            careSettingId: worker.careSettingId ?? "",
            teamId: worker.teamId,
            lineManagerId: worker.lineManagerId ?? "",
            fte: String(worker.fte),
            contractStart: worker.contractStart,
          }}
        />
      )}
    </div>
  );
}
