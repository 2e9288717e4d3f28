"use server";
import { z } from "zod";
import { defineAction } from "@/lib/action";
import { Id } from "@/lib/forms/ids";
import { applyTrainingImport } from "@/db/queries/training-import";

/** Confirms a checked file of completions: adds the ones the dry run showed, all or nothing. */
export const confirmTrainingImportAction = defineAction({
  roles: ["admin"],
  ids: z.tuple([Id]),
  run: async ({ user, ids: [batchId], today }) => await applyTrainingImport(user, batchId, today),
  // Every worker's standing, their teams' and their homes may have changed.
  revalidate: () => [{ path: "/", type: "layout" as const }],
  redirect: ({ ids: [batchId] }) => `/admin/mandatory-training/import/${batchId}`,
});
