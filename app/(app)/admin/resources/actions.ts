"use server";
import { z } from "zod";
import { defineAction } from "@/lib/action";
import { Id } from "@/lib/forms/ids";
import { ResourceFields } from "@/lib/forms/resource";
import * as hub from "@/db/queries/resources";

const REFRESH = [{ path: "/admin/resources", type: "layout" as const }, "/resources"];

const resourcePage = (id: string, saved: string) => `/admin/resources/${id}?saved=${saved}`;

export const createResourceAction = defineAction({
  roles: ["admin"],
  input: ResourceFields,
  run: async ({ user, input }) => await hub.createResource(user, input),
  revalidate: () => REFRESH,
  redirect: ({ result }) => resourcePage(result.id, "created"),
});

export const updateResourceAction = defineAction({
  roles: ["admin"],
  ids: z.tuple([Id]),
  input: ResourceFields,
  run: async ({ user, ids: [resourceId], input }) => await hub.updateResource(user, resourceId, input),
  revalidate: () => REFRESH,
  redirect: ({ result }) => resourcePage(result.id, "updated"),
});

export const retireResourceAction = defineAction({
  roles: ["admin"],
  ids: z.tuple([Id]),
  run: async ({ user, ids: [resourceId] }) => await hub.retireResource(user, resourceId),
  revalidate: () => REFRESH,
  redirect: ({ result }) => resourcePage(result.id, "retired"),
});

export const restoreResourceAction = defineAction({
  roles: ["admin"],
  ids: z.tuple([Id]),
  run: async ({ user, ids: [resourceId] }) => await hub.restoreResource(user, resourceId),
  revalidate: () => REFRESH,
  redirect: ({ result }) => resourcePage(result.id, "restored"),
});
