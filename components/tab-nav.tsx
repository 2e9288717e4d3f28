// A row of tabs across the top of a set of pages (a worker's record, the insights): links, the current one marked
// with aria-current. Server-rendered; the page says which tab it is.
//
// With `phoneSummary`, a phone shows one line that opens into the list instead of the row: eight tabs wrap to four
// rows at 360 px and push the page below the fold. A <details> opens without JavaScript.
import Link from "@/components/link";

export type Tab<K extends string> = { key: K; label: string; href: string };

export function TabNav<K extends string>({
  label,
  tabs,
  current,
  phoneSummary,
}: {
  label: string;
  tabs: readonly Tab<K>[];
  current: K;
  /** What the closed list says on a phone, e.g. "Sections of my record". */
  phoneSummary?: string;
}) {
  const row = (
    <ul className={`flex-wrap gap-x-6 ${phoneSummary ? "hidden sm:flex" : "flex"}`}>
      {tabs.map((t) => (
        <li key={t.key}>
          <Link
            href={t.href}
            aria-current={t.key === current ? "page" : undefined}
            className={`inline-block py-2 font-semibold no-underline ${t.key === current ? "border-b-4 border-nhs-blue text-nhs-text!" : "border-b-4 border-transparent"}`}
          >
            {t.label}
          </Link>
        </li>
      ))}
    </ul>
  );
  return (
    <nav aria-label={label} className={`mb-6 border-nhs-grey-4 no-print ${phoneSummary ? "sm:border-b" : "border-b"}`}>
      {phoneSummary ? (
        <details className="group border-2 border-nhs-blue bg-white sm:hidden">
          <summary className="flex min-h-11 cursor-pointer list-none items-center justify-between gap-3 px-3 py-2 font-semibold text-nhs-blue [&::-webkit-details-marker]:hidden">
            {phoneSummary}
            <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4 shrink-0 fill-current group-open:rotate-180">
              <path d="M1.5 5 8 11.5 14.5 5l-1.4-1.4L8 8.7 2.9 3.6z" />
            </svg>
          </summary>
          <ul className="border-t border-nhs-grey-4">
            {tabs.map((t) => (
              <li key={t.key} className="border-b border-nhs-grey-4 last:border-b-0">
                <Link
                  href={t.href}
                  aria-current={t.key === current ? "page" : undefined}
                  className={`block px-3 py-2.5 font-semibold no-underline ${t.key === current ? "border-l-4 border-nhs-blue text-nhs-text!" : "border-l-4 border-transparent"}`}
                >
                  {t.label}
                </Link>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {row}
    </nav>
  );
}
