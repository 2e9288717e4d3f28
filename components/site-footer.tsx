// On every page: the accessibility statement, the privacy notice and who to ask for help, as NHS services publish them.
import { connection } from "next/server";
import Link from "@/components/link";
import { HelpContact } from "@/components/help-contact";

export async function SiteFooter() {
  // The help contact is the server's own setting, read when the page is asked for, never baked in at build time.
  await connection();
  return (
    <footer className="no-print mt-12 border-t-4 border-nhs-blue bg-white">
      <div className="mx-auto max-w-6xl px-4 py-6">
        <h2 className="sr-only">Support links</h2>
        <ul className="mb-3 flex flex-wrap gap-x-6 gap-y-2">
          <li>
            <Link href="/accessibility">Accessibility statement</Link>
          </li>
          <li>
            <Link href="/privacy">Privacy notice</Link>
          </li>
        </ul>
        <p className="text-nhs-secondary">
          <HelpContact />
        </p>
      </div>
    </footer>
  );
}
