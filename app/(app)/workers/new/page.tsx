import type { Metadata } from "next";
import Link from "@/components/link";
import { requireRole } from "@/lib/auth";
import { WorkerForm } from "../worker-form";
import { workerFormOptions } from "../form-options";
import { addWorkerAction } from "../actions";

export const metadata: Metadata = { title: "Add a support worker" };

export default async function NewWorkerPage() {
  const user = await requireRole("manager", "admin");
  const options = await workerFormOptions(user);
  return (
    <div className="max-w-3xl">
      <p className="mb-2">
        <Link href="/workers">Back to workers</Link>
      </p>
      <h1 className="mb-6">Add a support worker</h1>
      {options.teams.length === 0 ? (
        <p className="card">You do not manage a team yet. Ask your Pathways administrator to add you as a team&apos;s manager.</p>
      ) : (
        <WorkerForm
          action={addWorkerAction}
          options={options}
          mode="create"
          submitLabel="Add worker"
          defaults={{ fte: "1", lineManagerId: user.role === "manager" ? user.id : "", teamId: options.teams.length === 1 ? (options.teams[0]?.[0] ?? "") : "" }}
        />
      )}
    </div>
  );
}
