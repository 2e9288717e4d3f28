import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth";
import { editableWorker } from "@/db/queries/worker-changes";
import { workerProfile } from "@/db/queries/workers";
import { WorkerForm } from "../../worker-form";
import { workerFormOptions } from "../../form-options";
import { saveWorkerAction } from "../../actions";

export const metadata: Metadata = { title: "Edit worker" };

export default async function EditWorkerPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole("manager", "admin");
  const { id } = await params;
  const worker = await editableWorker(user, id);
  if (!worker) notFound();
  const options = await workerFormOptions(user);
  // The worker's current values stay selectable even when retired (or a team the manager only line-manages),
  // so saving a correction never forces an unrelated change. The data layer accepts them for the same reason.
  const current = await workerProfile(user, id);
  if (current) {
    const keep = (list: Array<readonly [string, string]>, value: string | null, label: string | null, note: string) => {
      if (value && label && !list.some(([v]) => v === value)) list.unshift([value, `${label}${note}`]);
    };
    keep(options.teams, worker.teamId, current.teamName, "");
    keep(options.professions, worker.professionId, current.profession, " (retired)");
    keep(options.stages, worker.stageId, current.stage, " (retired)");
    keep(options.bands, worker.bandId, current.band, " (retired)");
    keep(options.careSettings, worker.careSettingId, current.careSetting, " (retired)");
    keep(options.lineManagers, worker.lineManagerId, current.lineManagerName, "");
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
          action={saveWorkerAction.bind(null, id)}
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
