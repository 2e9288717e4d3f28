"use server";
import { z } from "zod";
import { defineAction } from "@/lib/action";
import { Id } from "@/lib/forms/ids";
import { REFERENCE_KINDS, referenceEditFields, referenceNewFields } from "@/lib/forms/reference";
import { addReferenceValue, updateReferenceValue, retireReferenceValue, restoreReferenceValue } from "@/db/queries/reference-changes";

const Kind = z.enum(REFERENCE_KINDS);

const REFRESH = [
  { path: "/admin/reference", type: "layout" as const },
  // Every form and filter that offers these lists.
  { path: "/workers", type: "layout" as const },
  { path: "/teams", type: "layout" as const },
];

const valuePage = (kind: string, id: string, saved: string) => `/admin/reference/${kind}/${id}?saved=${saved}`;

export const addReferenceValueAction = defineAction({
  roles: ["admin"],
  ids: z.tuple([Kind]),
  input: ({ ids: [kind] }) => referenceNewFields(kind),
  run: async ({ user, ids: [kind], input }) => await addReferenceValue(user, kind, input),
  revalidate: () => REFRESH,
  redirect: ({ ids: [kind], result }) => valuePage(kind, result.id, "created"),
});

export const saveReferenceValueAction = defineAction({
  roles: ["admin"],
  ids: z.tuple([Kind, Id]),
  input: ({ ids: [kind] }) => referenceEditFields(kind),
  run: async ({ user, ids: [kind, valueId], input }) => await updateReferenceValue(user, kind, valueId, input),
  revalidate: () => REFRESH,
  redirect: ({ ids: [kind], result }) => valuePage(kind, result.id, "updated"),
});

export const retireReferenceValueAction = defineAction({
  roles: ["admin"],
  ids: z.tuple([Kind, Id]),
  run: async ({ user, ids: [kind, valueId] }) => await retireReferenceValue(user, kind, valueId),
  revalidate: () => REFRESH,
  redirect: ({ ids: [kind], result }) => valuePage(kind, result.id, "retired"),
});

export const restoreReferenceValueAction = defineAction({
  roles: ["admin"],
  ids: z.tuple([Kind, Id]),
  run: async ({ user, ids: [kind, valueId] }) => await restoreReferenceValue(user, kind, valueId),
  revalidate: () => REFRESH,
  redirect: ({ ids: [kind], result }) => valuePage(kind, result.id, "restored"),
});
