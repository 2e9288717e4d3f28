"use server";
import { z } from "zod";
import { defineAction } from "@/lib/action";
import { Id } from "@/lib/forms/ids";
import { applyWorkerImport } from "@/db/queries/worker-import";

/** Confirms a checked file: applies the rows the dry run showed, all or nothing. */
export const confirmImportAction = defineAction({
  roles: ["manager", "admin"],
  ids: z.tuple([Id]),
  run: async ({ user, ids: [batchId], today }) => await applyWorkerImport(user, batchId, today),
  revalidate: () => ["/workers", "/team"],
  redirect: ({ ids: [batchId] }) => `/workers/import/${batchId}`,
});
