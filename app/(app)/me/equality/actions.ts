"use server";
// Saving the signed-in support worker's own equality monitoring answers. Nothing from the form says whose they are:
// the data layer finds the worker by the login.
import { defineAction } from "@/lib/action";
import { formObject } from "@/lib/forms/read";
import { equalityFields } from "@/lib/forms/equality";
import { saveMyEquality } from "@/db/queries/equality";

export const saveEqualityAction = defineAction({
  roles: ["support_worker"],
  input: equalityFields,
  // "Clear my answers" sends the form as it is, but saves nothing.
  read: (form) => (form.get("intent") === "clear" ? {} : formObject(form)),
  run: async ({ user, input }) => await saveMyEquality(user, input),
  revalidate: () => ["/me/equality"],
  redirect: ({ result }) => `/me/equality?saved=${result.outcome}`,
});
