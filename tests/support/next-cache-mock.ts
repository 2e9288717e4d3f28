// Stands in for "next/cache" in unit tests of server actions, and keeps what was refreshed for the tests that check it.
// Use with:  vi.mock("next/cache", () => import("./support/next-cache-mock"));
// One module for every file, so the record is the same wherever the suite loaded it first (the unit suite shares
// modules between files: vitest.config.ts).
export const refreshed: Array<{ path: string; type?: string }> = [];

export function revalidatePath(path: string, type?: string): void {
  refreshed.push({ path, type });
}
