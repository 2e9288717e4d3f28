"use client";
// The navigation bar under the header; marks the current section for screen readers and sighted users.
import Link from "@/components/link";
import { usePathname } from "next/navigation";
import type { NavItem } from "@/lib/roles";

export function MainNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  // The most specific match wins: /admin/users is "Users", not also "Administration"; a worker's own PDP is "My PDP",
  // not also "My development".
  const matches = (path: string) => pathname === path || pathname.startsWith(`${path}/`);
  const currentHref = items
    .flatMap((i) => [i.href, ...(i.sections ?? [])].filter(matches).map((path) => ({ href: i.href, length: path.length })))
    .sort((a, b) => b.length - a.length)[0]?.href;
  return (
    <nav aria-label="Main" className="border-b border-nhs-grey-4 bg-white no-print">
      <ul className="mx-auto flex max-w-6xl flex-wrap gap-x-6 px-4">
        {items.map((item) => {
          const current = item.href === currentHref;
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={`inline-block py-2.5 font-semibold sm:py-3 no-underline ${current ? "border-b-4 border-nhs-blue text-nhs-text!" : "border-b-4 border-transparent"}`}
              >
                {item.label}
                {item.count !== undefined && (
                  <>
                    {" "}
                    <span aria-hidden="true">({item.count})</span>
                    <span className="sr-only">
                      ({item.count} {item.count === 1 ? "reminder" : "reminders"})
                    </span>
                  </>
                )}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
