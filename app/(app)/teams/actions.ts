"use server";
import { z } from "zod";
import { defineAction } from "@/lib/action";
import { Id } from "@/lib/forms/ids";
import { teamFields, TEAM_LIST_FIELDS } from "@/lib/forms/team";
import { createTeam, updateTeam, archiveTeam, restoreTeam } from "@/db/queries/teams";

function refresh(teamId: string) {
  return [
    "/teams",
    `/teams/${teamId}`,
    "/admin",
    // Team names and managers show on the workers list and profiles, and decide which workers a manager sees.
    { path: "/workers", type: "layout" as const },
    "/team",
  ];
}

export const addTeamAction = defineAction({
  roles: ["admin"],
  input: teamFields,
  lists: TEAM_LIST_FIELDS,
  run: async ({ user, input }) => await createTeam(user, input),
  revalidate: ({ result }) => refresh(result.teamId),
  redirect: ({ result }) => `/teams/${result.teamId}?saved=created`,
});

export const saveTeamAction = defineAction({
  roles: ["admin"],
  ids: z.tuple([Id]),
  input: teamFields,
  lists: TEAM_LIST_FIELDS,
  run: async ({ user, ids: [teamId], input }) => await updateTeam(user, teamId, input),
  revalidate: ({ result }) => refresh(result.teamId),
  redirect: ({ result }) => `/teams/${result.teamId}?saved=updated`,
});

export const archiveTeamAction = defineAction({
  roles: ["admin"],
  ids: z.tuple([Id]),
  run: async ({ user, ids: [teamId] }) => await archiveTeam(user, teamId),
  revalidate: ({ result }) => refresh(result.teamId),
  redirect: ({ result }) => `/teams/${result.teamId}?saved=archived`,
});

export const restoreTeamAction = defineAction({
  roles: ["admin"],
  ids: z.tuple([Id]),
  run: async ({ user, ids: [teamId] }) => await restoreTeam(user, teamId),
  revalidate: ({ result }) => refresh(result.teamId),
  redirect: ({ result }) => `/teams/${result.teamId}?saved=restored`,
});
