"use server";
// Saves the scorecard's red/amber/green thresholds: administrators only.
import { defineAction } from "@/lib/action";
import { thresholdFields } from "@/lib/forms/scorecard";
import { saveScorecardThresholds } from "@/db/queries/scorecard";

export const saveThresholdsAction = defineAction({
  roles: ["admin"],
  input: thresholdFields,
  run: async ({ user, input }) => await saveScorecardThresholds(user, input),
  revalidate: () => ["/insights", "/admin/scorecard"],
  done: "Thresholds saved",
});
