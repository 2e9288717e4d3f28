import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth";
import { canManageLogins } from "@/lib/roles";
import { workerLoginTarget } from "@/db/queries/users";
import { WorkerLogin } from "./worker-login";

export const metadata: Metadata = { title: "Give a worker a login" };

export default async function WorkerLoginPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole("manager", "admin");
  const { id } = await params;
  const target = await workerLoginTarget(user, id);
  if (!target) notFound();
  return (
    <div className="max-w-2xl">
      <p className="mb-2">
        <Link href={`/workers/${id}`}>Back to {target.name}</Link>
      </p>
      <h1 className="mb-4">A Pathways login for {target.name}</h1>
      <p className="mb-6">
        With their own login, {target.name} sees their development record (PDP, appraisals, competencies, CPD) and adds to it, on a
        phone if need be. They see only their own record.
      </p>
      {/* One client component whatever the state, so the one-time link survives the refresh that follows creating it. */}
      <WorkerLogin
        workerId={id}
        name={target.name}
        left={target.status === "left"}
        login={target.login}
        adminHref={canManageLogins(user.role) && target.login ? `/admin/users/${target.login.id}` : undefined}
      />
    </div>
  );
}
