// Drafts of long forms kept in the browser until they are saved (decision record 0023): what a draft holds, how it is
// sealed with the person's own key (AES-GCM, Web Crypto) so that the next person at a shared computer cannot read it,
// and where it is kept (localStorage, under names that say neither whose it is nor what it is about).
// No DOM and no React here: the browser side is components/forms/drafts.tsx; the server derives the keys (lib/drafts.ts).

/** The hidden field a drafted form sends with the draft's name; when the save succeeds the server says so (below). */
export const DRAFT_FIELD = "pathways-draft";
/** Set by the action pipeline (lib/action.ts) when a form carrying a draft's name was saved: the browser drops it. */
export const SAVED_DRAFT_COOKIE = "pathways-saved-draft";
/** A draft not saved within a day is dropped: long enough for a shift's interruptions, short enough not to linger. */
export const DRAFT_LIFETIME_MS = 24 * 60 * 60_000;

const STORAGE_PREFIX = "pathways-draft:";
const NAME = /^[a-z][a-z-]{0,30}(:[A-Za-z0-9_-]{1,64}){1,3}$/;

/**
 * A draft's name: the form and the records it is about ("appraisal:<id>", "cpd-new:<worker id>"). An id from the
 * address that is not one of ours gives no name, and the form simply keeps no draft.
 */
export function draftName(form: string, ...ids: string[]): string | undefined {
  const name = [form, ...ids].join(":");
  return NAME.test(name) ? name : undefined;
}

export const isDraftName = (value: unknown): value is string => typeof value === "string" && NAME.test(value);

/** A person's draft keys, from the server (lib/drafts.ts): an opaque tag for their drafts, and the key that seals them. */
export type DraftKeys = { owner: string; key: string };

/** What was typed: every field but hidden ones and passwords, as single values and as lists (repeated fields). */
export type Typed = { values: Record<string, string>; lists: Record<string, string[]> };

export type DraftContent = Typed & { savedAt: number };

type Sealed = { v: 1; savedAt: number; iv: string; data: string };

/** The part of localStorage drafts use (a fake in unit tests). */
export type DraftStorage = Pick<Storage, "getItem" | "setItem" | "removeItem" | "key" | "length">;

function bytesToBase64(bytes: Uint8Array): string {
  let text = "";
  // In slices: a long appraisal spread into one call would pass the engine's limit on arguments.
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}
const base64ToBytes = (text: string) => Uint8Array.from(atob(text.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
const encoder = new TextEncoder();

const imported = new Map<string, Promise<CryptoKey>>();
function sealingKey(keys: DraftKeys): Promise<CryptoKey> {
  let key = imported.get(keys.key);
  if (!key) {
    key = crypto.subtle.importKey("raw", base64ToBytes(keys.key), "AES-GCM", false, ["encrypt", "decrypt"]);
    imported.set(keys.key, key);
  }
  return key;
}

/** Whether this browser can seal drafts (Web Crypto needs a secure context: https, or localhost). */
export const canKeepDrafts = () => typeof crypto !== "undefined" && !!crypto.subtle;

/**
 * Where a draft is kept: the owner's tag and a digest of the name under their key, so the storage shows only that
 * someone has some drafts, never whose appraisal or which worker.
 */
export async function storageKeyFor(keys: DraftKeys, name: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(`${keys.key}\u0000${name}`)));
  const hex = Array.from(digest.subarray(0, 16), (b) => b.toString(16).padStart(2, "0")).join("");
  return `${STORAGE_PREFIX}${keys.owner}:${hex}`;
}

/** Seals what was typed. The storage key is bound in as associated data: a sealed draft moved to another name fails. */
export async function sealDraft(keys: DraftKeys, storageKey: string, content: DraftContent): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plain = encoder.encode(JSON.stringify({ values: content.values, lists: content.lists }));
  const data = new Uint8Array(await crypto.subtle.encrypt({ name: "AES-GCM", iv, additionalData: encoder.encode(storageKey) }, await sealingKey(keys), plain));
  const sealed: Sealed = { v: 1, savedAt: content.savedAt, iv: bytesToBase64(iv), data: bytesToBase64(data) };
  return JSON.stringify(sealed);
}

function parseSealed(text: string | null): Sealed | undefined {
  if (!text) return undefined;
  try {
    const s = JSON.parse(text) as Partial<Sealed>;
    return s.v === 1 && typeof s.savedAt === "number" && typeof s.iv === "string" && typeof s.data === "string" ? (s as Sealed) : undefined;
  } catch {
    return undefined;
  }
}

/** What a sealed draft holds, or null: expired, damaged, or sealed with another key (someone else's). */
export async function openDraft(keys: DraftKeys, storageKey: string, text: string | null, now: number): Promise<DraftContent | null> {
  const sealed = parseSealed(text);
  if (!sealed || now - sealed.savedAt > DRAFT_LIFETIME_MS) return null;
  try {
    const plain = await crypto.subtle.decrypt(
      { name: "AES-GCM", iv: base64ToBytes(sealed.iv), additionalData: encoder.encode(storageKey) },
      await sealingKey(keys),
      base64ToBytes(sealed.data),
    );
    const typed = JSON.parse(new TextDecoder().decode(plain)) as Typed;
    return { values: typed.values ?? {}, lists: typed.lists ?? {}, savedAt: sealed.savedAt };
  } catch {
    return null;
  }
}

/** Every draft key in the storage, and whether it is out of date (or not a draft at all). */
function draftEntries(storage: DraftStorage, now: number): { key: string; stale: boolean }[] {
  const entries: { key: string; stale: boolean }[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (!key?.startsWith(STORAGE_PREFIX)) continue;
    const sealed = parseSealed(storage.getItem(key));
    entries.push({ key, stale: !sealed || now - sealed.savedAt > DRAFT_LIFETIME_MS });
  }
  return entries;
}

/** Drops every draft older than a day, whoever's: run on every signed-in page. */
export function pruneDrafts(storage: DraftStorage, now: number): void {
  for (const { key, stale } of draftEntries(storage, now)) if (stale) storage.removeItem(key);
}

/** Drops every draft of one person (signing out). */
export function forgetDraftsOf(storage: DraftStorage, keys: DraftKeys): void {
  for (const { key } of draftEntries(storage, 0)) if (key.startsWith(`${STORAGE_PREFIX}${keys.owner}:`)) storage.removeItem(key);
}

/** Whether two readings of a form hold the same thing. */
export function sameTyped(a: Typed, b: Typed): boolean {
  const same = (x: Record<string, unknown>, y: Record<string, unknown>) => {
    const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
    for (const k of keys) if (JSON.stringify(x[k] ?? null) !== JSON.stringify(y[k] ?? null)) return false;
    return true;
  };
  return same(a.values, b.values) && same(a.lists, b.lists);
}

/** A draft over what the page shows: its fields replace the page's, the page's hidden fields (ids, versions) stay. */
export function withDraft(shown: Typed, draft: Typed): Typed {
  return { values: { ...shown.values, ...draft.values }, lists: { ...shown.lists, ...draft.lists } };
}
