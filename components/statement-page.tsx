// The frame of the public statements (accessibility, privacy): the brand header and a readable column.
import { BrandHeader } from "@/components/brand-header";
import { organisationName } from "@/db/queries/sign-in";

export async function StatementPage({ children }: { children: React.ReactNode }) {
  return (
    <>
      <BrandHeader organisation={await organisationName()} />
      <main id="main-content" className="mx-auto max-w-3xl px-4 py-8 [&_h2]:mt-8 [&_h2]:mb-3 [&_li]:mb-1 [&_p]:mb-4 [&_ul]:mb-4 [&_ul]:list-disc [&_ul]:pl-6">
        {children}
      </main>
    </>
  );
}
