import { draftName } from "@/lib/forms/drafts";
import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth";
import { conversationDetail, conversationFormOptions } from "@/db/queries/conversations";
import { WorkerRecordHeader } from "@/components/worker-record-nav";
import { formatDate } from "@/lib/rules/dates";
import { lockMessage } from "@/lib/rules/career";
import { ConversationForm } from "../../conversation-form";
import { updateConversationAction } from "../../actions";

export const metadata: Metadata = { title: "Edit career conversation" };

export default async function EditConversationPage({ params }: { params: Promise<{ id: string; conversationId: string }> }) {
  const user = await requireRole("manager", "admin");
  const { id, conversationId } = await params;
  const found = await conversationDetail(user, id, conversationId);
  if (!found || !found.canManage) notFound();
  const { conversation: c, worker } = found;
  const professions = [...(await conversationFormOptions(user)).professions];
  // A profession since retired stays selectable for the record that already has it.
  if (c.targetProfessionId && c.targetProfession && !professions.some(([pid]) => pid === c.targetProfessionId)) {
    professions.unshift([c.targetProfessionId, `${c.targetProfession} (retired)`]);
  }
  const other = found.barriers.find((b) => b.category === "other");

  return (
    <>
      <WorkerRecordHeader worker={worker} current="conversations" title="Edit career conversation" />
      <div className="max-w-3xl">
        <p className="mb-4">
          <Link href={`/workers/${id}/conversations/${conversationId}`}>Back to the conversation of {formatDate(c.heldOn)}</Link>
        </p>
        {c.locked ? (
          <p className="card">{lockMessage(c.appraisal)}.</p>
        ) : (
          <>
            {c.appraisal ? (
              <p className="mb-6 border-l-8 border-nhs-blue bg-white p-3 font-semibold">Part of the appraisal on {formatDate(c.appraisal.on)}</p>
            ) : null}
            <p className="mb-6">Steps are added and ticked off on the conversation&apos;s page.</p>
            <ConversationForm
              action={updateConversationAction.bind(null, id, conversationId)}
              professions={professions}
              mode="edit"
              draft={draftName("conversation", conversationId)}
              submitLabel="Save changes"
              defaults={{
                values: {
                  heldOn: c.heldOn,
                  aspiration: c.aspiration,
                  aspirationDetail: c.aspirationDetail,
                  targetProfessionId: c.targetProfessionId ?? "",
                  apprenticeshipInterest: c.apprenticeshipInterest,
                  otherBarrierDetail: other?.detail ?? "",
                  optionsDiscussed: c.optionsDiscussed,
                  nextConversationOn: c.nextConversationOn ?? "",
                },
                lists: { barriers: found.barriers.map((b) => b.category) },
              }}
            />
          </>
        )}
      </div>
    </>
  );
}
