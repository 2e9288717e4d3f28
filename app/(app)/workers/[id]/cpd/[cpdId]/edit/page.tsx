import { draftName } from "@/lib/forms/drafts";
import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth";
import { cpdEntryForEdit } from "@/db/queries/cpd";
import { WorkerRecordHeader } from "@/components/worker-record-nav";
import { formatDate, todayInLondon } from "@/lib/rules/dates";
import { formatHours } from "@/lib/rules/cpd";
import { deleteCpdAction, updateCpdAction } from "../../actions";
import { ConfirmForm, CpdForm } from "../../cpd-forms";

export const metadata: Metadata = { title: "Change a CPD activity" };

export default async function EditCpdPage({ params }: { params: Promise<{ id: string; cpdId: string }> }) {
  const user = await requireUser();
  const { id, cpdId } = await params;
  const found = await cpdEntryForEdit(user, id, cpdId);
  if (!found) notFound();
  const { entry: a, worker } = found;

  return (
    <>
      <WorkerRecordHeader worker={worker} current="cpd" title="Change a CPD activity" />
      <div className="max-w-3xl">
        <p className="mb-4">
          <Link href={`/workers/${id}/cpd`}>Back to CPD and training</Link>
        </p>
        <p className="mb-6 break-words">
          <span className="font-semibold">{a.title}</span>, {formatDate(a.activityOn)}, {formatHours(a.hours)} hours
        </p>
        {found.refusal ? (
          <p className="card">{found.refusal}</p>
        ) : (
          <>
            {found.requestTitle ? (
              <p className="mb-6 border-l-8 border-nhs-blue bg-white p-3">
                Recorded from the training request &ldquo;{found.requestTitle}&rdquo;. It stays linked to that request when changed.
              </p>
            ) : null}
            <section aria-labelledby="change" className="card mb-8">
              <h2 id="change" className="mb-4">
                Change it
              </h2>
              <CpdForm
                action={updateCpdAction.bind(null, id, cpdId)}
                draft={draftName("cpd", cpdId)}
                goals={found.goals}
                today={todayInLondon()}
                entry={{
                  activityOn: a.activityOn,
                  title: a.title,
                  type: a.type,
                  learning: a.learning,
                  hours: formatHours(a.hours),
                  reflectionWhat: a.reflectionWhat,
                  reflectionSoWhat: a.reflectionSoWhat,
                  reflectionNowWhat: a.reflectionNowWhat,
                  pdpGoalId: a.pdpGoalId ?? "",
                }}
              />
            </section>
            <section aria-labelledby="delete" className="card">
              <h2 id="delete" className="mb-3">
                Delete it
              </h2>
              <p className="mb-2">
                {found.requestTitle
                  ? "Deleting it takes it out of the CPD record and the 12-month totals, and puts the training request back to approved, so it can be recorded as attended again."
                  : "Deleting it takes it out of the CPD record and the 12-month totals."}
              </p>
              <ConfirmForm
                action={deleteCpdAction.bind(null, id, cpdId)}
                idPrefix="delete"
                label={`Delete: ${a.title}`}
                confirm="Yes, delete this CPD activity. This cannot be undone."
                submit="Delete the CPD activity"
                pendingText="Deleting…"
              />
            </section>
          </>
        )}
      </div>
    </>
  );
}
