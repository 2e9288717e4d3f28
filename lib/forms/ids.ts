// The shape of a record's id as db/schema/_shared.ts newId() makes it: 16 URL-safe base64 characters.
// Ids bound to server actions are checked with these before any query runs; a malformed one is "not found".
import { z } from "zod";

export const Id = z.string().regex(/^[A-Za-z0-9_-]{16}$/);

/** A bound boolean (retire or restore, done or not done). */
export const Flag = z.boolean();
