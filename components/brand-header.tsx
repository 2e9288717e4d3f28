// The blue bar with the service name, shared by signed-in and signed-out pages.
import Link from "@/components/link";

export function BrandHeader({ organisation, children }: { organisation?: string; children?: React.ReactNode }) {
  return (
    <header className="bg-nhs-blue text-white no-print">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="flex flex-col text-white! no-underline visited:text-white! hover:text-white!">
          <span className="text-2xl font-bold tracking-tight">Pathways</span>
          {organisation ? <span className="text-sm opacity-95">{organisation}</span> : null}
        </Link>
        {children}
      </div>
    </header>
  );
}
