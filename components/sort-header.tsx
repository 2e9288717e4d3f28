// A sortable column header: a link that sorts by this column (or flips the direction), with aria-sort for screen readers.
import Link from "@/components/link";

export function SortHeader({
  label,
  column,
  current,
  dir,
  hrefFor,
  className,
}: {
  label: string;
  column: string;
  current: string;
  dir: "asc" | "desc";
  hrefFor: (sort: string, dir: "asc" | "desc") => string;
  className?: string;
}) {
  const active = current === column;
  const nextDir = active && dir === "asc" ? "desc" : "asc";
  return (
    <th scope="col" aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined} className={className}>
      <Link href={hrefFor(column, nextDir)} className="text-nhs-text! no-underline hover:underline">
        {label}
        <span aria-hidden="true" className="ml-1 text-nhs-secondary">
          {active ? (dir === "asc" ? "▲" : "▼") : "↕"}
        </span>
        <span className="sr-only">{active ? `, sorted ${dir === "asc" ? "ascending" : "descending"}` : ", sort"}</span>
      </Link>
    </th>
  );
}
