"use server";
// Saves how colleagues' feedback for appraisals is shown, named or anonymously: administrators only.
import { defineAction } from "@/lib/action";
import { feedbackSettingFields } from "@/lib/forms/appraisal";
import { saveFeedbackSetting } from "@/db/queries/appraisal-feedback";

export const saveFeedbackSettingAction = defineAction({
  roles: ["admin"],
  input: feedbackSettingFields,
  run: async ({ user, input }) => await saveFeedbackSetting(user, input),
  revalidate: () => ["/admin/appraisals", { path: "/workers", type: "layout" }],
  done: "Saved. Feedback given from now on is shown this way; feedback already given keeps how its giver was told.",
});
