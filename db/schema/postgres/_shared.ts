// Column helpers for the PostgreSQL schema, matching db/schema/_shared.ts value for value (decision record 0025).
import { customType, text } from "drizzle-orm/pg-core";
import { newId } from "../_shared";
import { now as clockNow } from "../../../lib/rules/dates";

export { newId };

export const id = () => text("id").primaryKey().$defaultFn(newId);

/**
 * A moment in time, stored as milliseconds since the epoch (bigint, always UTC): the same number SQLite keeps, so a
 * query comparing or ordering moments reads the same on both.
 */
const epochMs = customType<{ data: Date; driverData: number | string }>({
  dataType: () => "bigint",
  toDriver: (value) => value.getTime(),
  fromDriver: (value) => new Date(Number(value)),
});
export const timestamp = (name: string) => epochMs(name);

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
