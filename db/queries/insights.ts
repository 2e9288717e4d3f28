import "server-only";
// Organisation-wide headline figures for leads: aggregated in SQL, a fixed number of queries whatever the size.
import { and, eq, sql } from "drizzle-orm";
import { roundTo } from "../dialect";
import { db, first } from "../client";
import { keptInsight } from "../insights-cache";
export { maxStaleMs } from "../insights-cache"; // for the pages' note on how old a kept figure may be
import { workers, teams, appraisals, pdps, apprenticeships } from "../schema";
import { visibleWorkers } from "../access";
import type { SessionUser } from "../../lib/session-user";
import { addMonths } from "../../lib/rules/dates";

/** The headline figures, kept while the data is unchanged (db/insights-cache.ts; never stale). */
export async function headlineMeasures(user: SessionUser, today: string) {
  return (await keptInsight("headlineMeasures", user, today, async () => await workOutHeadlineMeasures(user, today))).value;
}

/** The share of in-post workers with a completed appraisal, an agreed active PDP, and on an apprenticeship. */
async function workOutHeadlineMeasures(user: SessionUser, today: string) {
  const yearAgo = addMonths(today, -12);
  const row = await first(db
    .select({
      inPost: sql<number>`count(*)`,
      fte: sql<number>`coalesce(${roundTo(sql`sum(${workers.fte})`, 2)}, 0)`,
      appraisedInYear: sql<number>`coalesce(sum(case when exists (select 1 from ${appraisals}
        where ${appraisals.workerId} = ${workers.id} and ${appraisals.status} = 'completed' and ${appraisals.heldOn} > ${yearAgo}) then 1 else 0 end), 0)`,
      withAgreedPdp: sql<number>`coalesce(sum(case when exists (select 1 from ${pdps}
        where ${pdps.workerId} = ${workers.id} and ${pdps.status} = 'active'
          and ${pdps.workerAgreedAt} is not null and ${pdps.managerAgreedAt} is not null) then 1 else 0 end), 0)`,
      onApprenticeship: sql<number>`coalesce(sum(case when exists (select 1 from ${apprenticeships}
        where ${apprenticeships.workerId} = ${workers.id} and ${apprenticeships.status} in ('on_programme','break_in_learning','gateway','end_point_assessment')) then 1 else 0 end), 0)`,
    })
    .from(workers)
    // The join also matters to drizzle: in a single-table select it writes columns unqualified, and the
    // correlated subqueries above would then compare appraisals.worker_id with appraisals.id.
    .innerJoin(teams, eq(teams.id, workers.teamId))
    .where(and(visibleWorkers(user), eq(workers.status, "in_post"))));
  return row ?? { inPost: 0, fte: 0, appraisedInYear: 0, withAgreedPdp: 0, onApprenticeship: 0 };
}
