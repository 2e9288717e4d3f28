// What a character count (components/forms/character-count.tsx) says, counted the way the form's schema will count.

/**
 * The characters a schema's `max` will see: trimmed (every text schema trims), with each line break as the two
 * characters a browser sends for it (CR LF), so the count and the server never disagree.
 */
export function countCharacters(value: string): number {
  return value.trim().replace(/\r?\n/g, "\r\n").length;
}

const number = (n: number) => n.toLocaleString("en-GB");
const characters = (n: number) => `${number(n)} ${n === 1 ? "character" : "characters"}`;

/** The field's limit, said before anything is typed (and to a screen reader with the field). */
export const limitMessage = (max: number) => `You can enter up to ${characters(max)}`;

/** "You have 12 characters remaining" or "You have 3 characters too many" (the GOV.UK character count). */
export function countMessage(count: number, max: number): string {
  return count > max ? `You have ${characters(count - max)} too many` : `You have ${characters(max - count)} remaining`;
}
