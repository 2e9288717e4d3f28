import "server-only";
// The subject form's choices and what it shows first, from a subject (or none, for a new one).
import { subjectFormChoices, type Subject } from "@/db/queries/mandatory-training";
import type { SessionUser } from "@/lib/session-user";

const pairs = (rows: ReadonlyArray<{ id: string; name: string }>) => rows.map((r) => [r.id, r.name] as const);

export async function subjectFormProps(admin: SessionUser, subject?: Subject) {
  const c = await subjectFormChoices(admin, subject?.audiences);
  const refs = (kind: string) => (subject?.audiences ?? []).filter((a) => a.kind === kind).map((a) => a.refId ?? "");
  const everyone = !subject || subject.audiences.some((a) => a.kind === "everyone");
  return {
    choices: { stages: pairs(c.stages), professions: pairs(c.professions), careSettings: pairs(c.careSettings) },
    defaults: {
      name: subject?.name ?? "",
      description: subject?.description ?? "",
      renewalMonths: subject ? (subject.renewalMonths === null ? "" : String(subject.renewalMonths)) : "",
      who: !subject ? "" : everyone ? "everyone" : "chosen",
    },
    defaultLists: { stageIds: refs("stage"), professionIds: refs("profession"), careSettingIds: refs("care_setting") },
  };
}
