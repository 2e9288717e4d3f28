// Turning FormData into the plain object a zod schema reads: repeated names become arrays, empty strings stay strings.

export function formObject(form: FormData, arrays: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION")) continue;
    out[key] = arrays.includes(key) ? form.getAll(key).filter((v) => typeof v === "string") : form.get(key);
  }
  for (const key of arrays) out[key] ??= [];
  return out;
}
