import "server-only";
// Which competency framework workers are assessed against (and PDP goals are tied to): a setting of the organisation,
// chosen by an administrator from the published frameworks. Unset, it is the HEE AHP support worker framework the
// reference data ships with. Assessments and goals keep the statements they were made against; after a change,
// competency pages, counts and goal forms use the chosen framework's latest published version.
import { and, eq } from "drizzle-orm";
import { db, type DB, first } from "../client";
import { frameworks, frameworkVersions, settings } from "../schema";
import { audit } from "../audit";
import { clearInsightCache } from "../insights-cache";
import type { SessionUser } from "../../lib/session-user";
import type { Result } from "../result";

type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];

/** The seeded HEE AHP support worker framework (db/seed/reference/framework.ts). */
export const DEFAULT_FRAMEWORK_KEY = "hee-ahp-sw-2021";
const SETTING = "assessed_framework";

/** The key of the framework workers are assessed against: the administrator's choice, or the HEE framework. */
export async function assessedFrameworkKey(q: Tx | DB = db): Promise<string> {
  const row = await first(q.select({ value: settings.value }).from(settings).where(eq(settings.key, SETTING)));
  return typeof row?.value === "string" && row.value !== "" ? row.value : DEFAULT_FRAMEWORK_KEY;
}

export type FrameworkChoice = Result<{ frameworkId: string }>;

/** Makes a published framework the one workers are assessed against (administrators only), audited with the old and new. */
export async function chooseAssessedFramework(user: SessionUser, frameworkId: string): Promise<FrameworkChoice> {
  if (user.role !== "admin") return { ok: false, code: "not_found", message: "Only administrators choose the framework workers are assessed against" };
  const changed = await db.transaction(async (tx): Promise<FrameworkChoice | "unchanged"> => {
    const chosen = await first(tx
      .select({ id: frameworks.id, key: frameworks.key })
      .from(frameworks)
      .innerJoin(frameworkVersions, and(eq(frameworkVersions.frameworkId, frameworks.id), eq(frameworkVersions.status, "published")))
      .where(eq(frameworks.id, frameworkId)));
    if (!chosen) return { ok: false, code: "invalid", message: "Choose a framework with a published version", field: "frameworkId" };
    const before = await assessedFrameworkKey(tx);
    if (before === chosen.key) return "unchanged";
    await tx.insert(settings)
      .values({ key: SETTING, value: chosen.key, updatedAt: new Date() })
      .onConflictDoUpdate({ target: settings.key, set: { value: chosen.key, updatedAt: new Date() } });
    await audit(tx, user, { action: "setting.update", entityType: "setting", entityId: SETTING, summary: { from: before, to: chosen.key } });
    return { ok: true, frameworkId: chosen.id };
  });
  if (changed === "unchanged") return { ok: true, frameworkId };
  if (changed.ok) clearInsightCache(); // the scorecard's competency coverage follows at once
  return changed;
}
