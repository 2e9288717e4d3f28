// One training request on its own page: where the team page's "awaiting a decision" links go, so the manager lands on
// the request itself, decides it here and reads what was decided when the page comes back.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Link from "@/components/link";
import { requireUser } from "@/lib/auth";
import { trainingRequestView } from "@/db/queries/cpd";
import { WorkerRecordHeader } from "@/components/worker-record-nav";
import { SavedBanner } from "@/components/saved-banner";
import { decideRequestAction } from "../../actions";
import { DecisionForm } from "../../cpd-forms";
import { RequestCard } from "../../request-card";

export const metadata: Metadata = { title: "Training request" };

export default async function TrainingRequestPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; requestId: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const user = await requireUser();
  const { id, requestId } = await params;
  const { saved } = await searchParams;
  const data = await trainingRequestView(user, id, requestId);
  if (!data) notFound();
  const { worker, request } = data;
  const name = `${worker.firstName} ${worker.lastName}`;
  // Said only while the request still reads as decided that way: an old address never announces a decision it does not show.
  const decided =
    saved === "approved" && request.status === "approved"
      ? `You approved ${name}'s request for ${request.title}. Once they have done it, it can be recorded as attended on their CPD page.`
      : saved === "declined" && request.status === "declined"
        ? `You declined ${name}'s request for ${request.title}. The reason is counted as a barrier to training.`
        : undefined;

  return (
    <>
      <WorkerRecordHeader worker={worker} current="cpd" title={data.canDecide ? "Decide on a training request" : "Training request"} />
      <SavedBanner message={decided} />
      <section aria-label="The request" className="card mb-8 max-w-3xl">
        <RequestCard request={request} heading="h2" />
      </section>
      {data.canDecide ? (
        <section aria-labelledby="decision-heading" className="mb-8 max-w-3xl">
          <h2 id="decision-heading" className="mb-3">
            Your decision
          </h2>
          <DecisionForm action={decideRequestAction.bind(null, id, request.id)} />
        </section>
      ) : null}
      <ul className="space-y-2">
        {user.role === "manager" ? (
          <li>
            <Link href="/team">Back to My team</Link>
          </li>
        ) : null}
        <li>
          <Link href={`/workers/${id}/cpd#requests`}>{worker.isOwn ? "My CPD and training" : `${worker.firstName}'s CPD and training`}</Link>
        </li>
      </ul>
    </>
  );
}
