import "server-only";
// Which periods' summaries are kept (decision records 0028 and 0032). The summaries of the period ending today are
// worked out every day; those of a period a lead chooses are worked out on its first view and kept beside today's.
// A view of a period other than today's marks it in use (a row "in use:<end>" in fact_versions, its version the
// minute); dropping the summaries of other periods spares today's, yesterday's (a view of today's begun before
// midnight), the period just viewed, and any marked in the last ten minutes, so that two views of different periods at
// once (two leads, or one lead's two tabs) never drop the rows the other is working out or reading. On PostgreSQL the
// marks and the drops take one advisory lock, so a mark waits for a drop under way to commit, and the staleness check
// that follows it sees what the drop took and works it out again.
import { and, gte, lt, sql, type SQL } from "drizzle-orm";
import { lockFor, type Tx } from "./client";
import { withoutInvalidating } from "./insights-cache";
import { factVersions } from "./schema";
import { addDays, todayInLondon } from "../lib/rules/dates";

/** How long a mark spares its period: longer than any view takes. */
const IN_USE_MINUTES = 10;
const IN_USE = "in use:";
/** The first subject after every "in use:" one (";" follows ":"): the marks as a range of the key, which an index answers. */
const AFTER_IN_USE = "in use;";
const LOCK = "summary periods";
const minuteNow = () => Math.floor(Date.now() / 60_000);

/** Marks the summaries of the period ending `end` as in use, once before a view works them out or reads them. */
export async function markPeriodInUse(end: string): Promise<void> {
  const today = todayInLondon();
  if (end === today || end === addDays(today, -1)) return;
  const subject = `${IN_USE}${end}`;
  await withoutInvalidating(async (tx) => {
    await lockFor(LOCK);
    await tx.insert(factVersions).values({ subject, version: minuteNow() }).onConflictDoUpdate({ target: factVersions.subject, set: { version: minuteNow() } });
  });
}

/** A summary table and its period_end column. */
type Summary = { table: Parameters<Tx["delete"]>[0]; periodEnd: SQL };

/**
 * Drops the rows of `summaries` of every period not kept (see above), after a view of the period ending `end`, or in
 * the day's run (`daily`, with `end` today). A view of today's period drops nothing. Old marks go too.
 */
export async function dropPeriodsNotKept(end: string, daily: boolean, summaries: Summary[]): Promise<void> {
  const today = todayInLondon();
  if (end === today && !daily) return;
  await withoutInvalidating(async (tx) => {
    await lockFor(LOCK);
    const marks = await tx
      .select({ subject: factVersions.subject, version: factVersions.version })
      .from(factVersions)
      .where(and(gte(factVersions.subject, IN_USE), lt(factVersions.subject, AFTER_IN_USE)));
    const fresh = marks.filter((m) => m.version >= minuteNow() - IN_USE_MINUTES);
    const kept = [...new Set([today, addDays(today, -1), end, ...fresh.map((m) => m.subject.slice(IN_USE.length))])].sort();
    for (const s of summaries) await tx.delete(s.table).where(notAmong(s.periodEnd, kept));
    if (fresh.length < marks.length) {
      await tx.delete(factVersions).where(and(gte(factVersions.subject, IN_USE), lt(factVersions.subject, AFTER_IN_USE), lt(factVersions.version, minuteNow() - IN_USE_MINUTES)));
    }
  });
}

/** A period end not among `kept` (sorted), as ranges of the column, which the summaries' (period_end, …) keys answer. */
function notAmong(column: SQL, kept: string[]): SQL {
  const ranges = [sql`${column} < ${kept[0]!}`];
  for (let i = 1; i < kept.length; i++) ranges.push(sql`(${column} > ${kept[i - 1]!} and ${column} < ${kept[i]!})`);
  ranges.push(sql`${column} > ${kept.at(-1)!}`);
  return sql`(${sql.join(ranges, sql` or `)})`;
}
