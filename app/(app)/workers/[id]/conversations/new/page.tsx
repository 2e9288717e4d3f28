import { draftName } from "@/lib/forms/drafts";
import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth";
import { conversationFormOptions, conversationWorker, openAppraisalFor } from "@/db/queries/conversations";
import { WorkerRecordHeader } from "@/components/worker-record-nav";
import { formatDate, todayInLondon } from "@/lib/rules/dates";
import { defaultHeldOn } from "@/lib/rules/career";
import { ConversationForm } from "../conversation-form";
import { recordConversationAction } from "../actions";

export const metadata: Metadata = { title: "Record a career conversation" };

export default async function NewConversationPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ appraisal?: string | string[] }>;
}) {
  const user = await requireRole("manager", "admin");
  const { id } = await params;
  const asked = (await searchParams).appraisal;
  const worker = await conversationWorker(user, id);
  if (!worker) notFound();
  // The appraisal comes from a link: it must be this worker's and still open, or the conversation stands on its own.
  const appraisal = typeof asked === "string" && asked ? await openAppraisalFor(user, id, asked) : undefined;
  const today = todayInLondon();
  const heldOn = defaultHeldOn(appraisal?.on, today, worker.contractStart);

  return (
    <>
      <WorkerRecordHeader worker={worker} current="conversations" title="Record a career conversation" />
      <div className="max-w-3xl">
        <p className="mb-4">
          <Link href={`/workers/${id}/conversations`}>Back to career conversations</Link>
        </p>
        {appraisal ? (
          <p className="mb-6 border-l-8 border-nhs-blue bg-white p-3 font-semibold">Part of the appraisal on {formatDate(appraisal.on)}</p>
        ) : asked ? (
          <p className="mb-6 border-l-8 border-nhs-blue bg-white p-3">
            That appraisal is signed off, cancelled or not found, so this conversation will be recorded on its own.
          </p>
        ) : null}
        <ConversationForm
          action={recordConversationAction.bind(null, id)}
          professions={(await conversationFormOptions(user)).professions}
          mode="create"
          appraisalId={appraisal?.id}
          draft={appraisal ? draftName("conversation-new", id, appraisal.id) : draftName("conversation-new", id)}
          submitLabel="Save the conversation"
          defaults={{ values: { heldOn }, lists: {} }}
        />
      </div>
    </>
  );
}
