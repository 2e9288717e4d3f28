"use client";
// The navigation bar under the header; marks the current section for screen readers and sighted users.
import Link from "@/components/link";
import { usePathname } from "next/navigation";
import type { NavItem } from "@/lib/roles";

export function MainNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  // The most specific match wins: /admin/users is "Users", not also "Administration".
  const matches = (href: string) => pathname === href || pathname.startsWith(`${href}/`);
  const currentHref = items
    .map((i) => i.href)
    .filter(matches)
    .sort((a, b) => b.length - a.length)[0];
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
                className={`inline-block py-3 font-semibold no-underline ${current ? "border-b-4 border-nhs-blue text-nhs-text!" : "border-b-4 border-transparent"}`}
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
