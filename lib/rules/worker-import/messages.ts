// How the import's messages name things: lists in words, the file's values quoted and cut short, file sizes.

/** "A", "A and B", "A, B and C". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** A value from the file, cut short: a message or a heading should not carry a whole malformed cell. */
export const clip = (value: string, max = 40) => (value.length > max ? `${value.slice(0, max)}…` : value);
export const quoted = (value: string) => `“${clip(value)}”`;

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
