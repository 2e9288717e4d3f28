import "server-only";
// Views the audit trail records (issue 16): a lead or administrator opening a worker's appraisal (which holds their
// wellbeing notes), anyone opening equality-derived figures, and every print view. A router prefetch (a link hovered,
// not followed) is not a view.
import { headers } from "next/headers";
import type { SessionUser } from "./session-user";
import type { Role } from "./vocabulary";
import type { AuditEntry } from "@/db/audit";
import { recordAccess } from "@/db/queries/audit-trail";

/** Who is logged opening another person's appraisal: people who read records beyond their own team's day-to-day work. */
export const APPRAISAL_VIEWS_LOGGED_FOR: readonly Role[] = ["lead", "admin"];

export async function recordView(user: SessionUser, entry: AuditEntry): Promise<void> {
  const h = await headers();
  if (h.get("next-router-prefetch") || h.get("purpose") === "prefetch") return;
  await recordAccess(user, entry);
}
