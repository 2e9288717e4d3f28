// On every page of an app in demo mode (lib/env.ts demoMode): the people are made up and the passwords known, so
// nobody mistakes it for the real thing or types a real record into it.
import { connection } from "next/server";
import { demoMode } from "@/lib/env";

export async function DemoBanner() {
  // Decided when the page is asked for, from the server's own settings, never baked in at build time.
  await connection();
  if (!demoMode()) return null;
  return (
    <aside aria-label="Demonstration" className="bg-nhs-warm-yellow px-4 py-2 text-center text-nhs-text">
      <strong>Demonstration:</strong> made-up people, public passwords. Do not enter real records.
    </aside>
  );
}
