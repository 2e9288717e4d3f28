"use server";
import { z } from "zod";
import { defineAction } from "@/lib/action";
import { Flag, Id } from "@/lib/forms/ids";
import { SUBJECT_LIST_FIELDS, SubjectFields } from "@/lib/forms/mandatory-training";
import { createSubject, setSubjectRetired, updateSubject } from "@/db/queries/mandatory-training";

// Who needs what changes every worker's mandatory training page, their team's and the homes.
const REFRESH = [{ path: "/", type: "layout" as const }];

const subjectPage = (id: string, saved: string) => `/admin/mandatory-training/${id}?saved=${saved}`;

export const createSubjectAction = defineAction({
  roles: ["admin"],
  input: SubjectFields,
  lists: SUBJECT_LIST_FIELDS,
  run: async ({ user, input }) => await createSubject(user, input),
  revalidate: () => REFRESH,
  redirect: ({ result }) => subjectPage(result.id, "created"),
});

export const updateSubjectAction = defineAction({
  roles: ["admin"],
  ids: z.tuple([Id]),
  input: SubjectFields,
  lists: SUBJECT_LIST_FIELDS,
  run: async ({ user, ids: [id], input }) => await updateSubject(user, id, input),
  revalidate: () => REFRESH,
  redirect: ({ result }) => subjectPage(result.id, "updated"),
});

export const retireSubjectAction = defineAction({
  roles: ["admin"],
  ids: z.tuple([Id, Flag]),
  run: async ({ user, ids: [id, retired] }) => await setSubjectRetired(user, id, retired),
  revalidate: () => REFRESH,
  redirect: ({ result, ids: [, retired] }) => subjectPage(result.id, retired ? "retired" : "restored"),
});
