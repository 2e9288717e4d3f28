// A row of tabs across the top of a set of pages (a worker's record, the insights): links, the current one marked
// with aria-current. Server-rendered; the page says which tab it is.
import Link from "@/components/link";

export type Tab<K extends string> = { key: K; label: string; href: string };

export function TabNav<K extends string>({ label, tabs, current }: { label: string; tabs: readonly Tab<K>[]; current: K }) {
  return (
    <nav aria-label={label} className="mb-6 border-b border-nhs-grey-4 no-print">
      <ul className="flex flex-wrap gap-x-6">
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
    </nav>
  );
}
