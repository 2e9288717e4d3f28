// Column helpers shared by every table: random ids, UTC timestamps, calendar dates.
import { integer, text } from "drizzle-orm/sqlite-core";
import { randomBytes } from "node:crypto";
import { now as clockNow } from "../../lib/rules/dates";

/** A random, URL-safe id (16 chars, ~96 bits). Ids appear in URLs, so they must not be guessable or sequential. */
export function newId(): string {
  return randomBytes(12).toString("base64url");
}

export const id = () => text("id").primaryKey().$defaultFn(newId);

/** A moment in time, stored as milliseconds since the epoch (always UTC). */
export const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });

/** A calendar date with no time zone, stored as ISO text "YYYY-MM-DD" so it sorts and compares as text. */
export const date = (name: string) => text(name);

export const createdAt = () =>
  timestamp("created_at")
    .notNull()
    .$defaultFn(() => clockNow());

export const updatedAt = () =>
  timestamp("updated_at")
    .notNull()
    .$defaultFn(() => clockNow())
    .$onUpdateFn(() => clockNow());
