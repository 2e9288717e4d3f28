"use server";
// My team's one-step reminder: everyone in the manager's teams out of date on mandatory training.
import { defineAction } from "@/lib/action";
import { remindOutOfDate } from "@/lib/training-reminders";
import { remindedWords } from "@/lib/rules/mandatory-training";

export const remindOutOfDateAction = defineAction({
  roles: ["manager"],
  run: async ({ user, today }) => await remindOutOfDate(user, today),
  revalidate: () => ["/team"],
  done: ({ result }) => ({ ok: true, message: remindedWords(result) }),
});
