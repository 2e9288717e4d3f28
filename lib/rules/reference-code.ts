// The code a new reference value gets from its name when the administrator leaves the code empty: the name's words
// in lower case joined by hyphens, accents dropped ("Acute inpatient" is acute-inpatient, "Orthoptics (Ortho)" is
// orthoptics-ortho), at most 40 characters in whole words. Imports and the shipped lists match on codes, so a code never changes.
import { looseKey } from "./worker-import/check-row";

export const MAX_CODE_LENGTH = 40;

/** The code made from a name (whole words, when it must be shortened); empty when the name has no letters or numbers. */
export function codeFromName(name: string): string {
  const words = looseKey(name).replaceAll(" ", "-");
  if (words.length <= MAX_CODE_LENGTH) return words;
  const cut = words.slice(0, MAX_CODE_LENGTH + 1);
  const lastBreak = cut.lastIndexOf("-");
  return lastBreak > 0 ? cut.slice(0, lastBreak) : words.slice(0, MAX_CODE_LENGTH);
}

/** The nth try at a free code: the code itself, then code-2, code-3… shortened so the number fits. */
export function numberedCode(code: string, n: number): string {
  if (n <= 1) return code;
  const suffix = `-${n}`;
  return `${code.slice(0, MAX_CODE_LENGTH - suffix.length).replace(/-+$/, "")}${suffix}`;
}
