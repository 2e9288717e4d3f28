import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth";
import { editableWorker } from "@/db/queries/worker-changes";
import { markLeavingAction } from "../../actions";
import { LeavingForm } from "./leaving-form";

export const metadata: Metadata = { title: "Record leaving" };

export default async function LeavePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole("manager", "admin");
  const { id } = await params;
  const worker = await editableWorker(user, id);
  if (!worker) notFound();
  const name = `${worker.firstName} ${worker.lastName}`;
  return (
    <div className="max-w-2xl">
      <p className="mb-2">
        <Link href={`/workers/${id}`}>Back to {name}</Link>
      </p>
      <h1 className="mb-4">Record that {name} has left</h1>
      {worker.status === "left" ? (
        <p className="card">{name} has already left.</p>
      ) : (
        <>
          <p className="mb-6">
            Their record and history are kept. They leave the default list of workers, and their Pathways login (if they have one)
            stops working.
          </p>
          <LeavingForm action={markLeavingAction.bind(null, id)} />
        </>
      )}
    </div>
  );
}
