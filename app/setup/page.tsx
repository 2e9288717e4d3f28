import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { needsFirstAdmin } from "@/db/queries/sign-in";
import { BrandHeader } from "@/components/brand-header";
import { SetupForm } from "./setup-form";

export const metadata: Metadata = { title: "Set up Pathways" };

export default async function SetupPage() {
  await connection(); // rendered per request: whether setup is open depends on the database now
  if (!await needsFirstAdmin()) redirect("/login");
  return (
    <>
      <BrandHeader />
      <main id="main-content" className="mx-auto max-w-xl px-4 py-8">
        <div className="card">
          <h1 className="mb-2">Set up Pathways</h1>
          <p className="mb-6 text-nhs-secondary">
            Create the first administrator account. You can then add teams, managers and support workers.
          </p>
          <SetupForm />
        </div>
      </main>
    </>
  );
}
