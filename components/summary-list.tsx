// Key facts as a description list: a term and its value per row.
export function SummaryList({ rows }: { rows: Array<[string, React.ReactNode]> }) {
  return (
    <dl className="divide-y divide-nhs-grey-4 border-y border-nhs-grey-4">
      {rows.map(([term, value]) => (
        <div key={term} className="grid gap-1 py-2 sm:grid-cols-[14rem_1fr] sm:gap-4">
          <dt className="font-semibold">{term}</dt>
          <dd>{value === null || value === undefined || value === "" ? <span className="text-nhs-secondary">Not recorded</span> : value}</dd>
        </div>
      ))}
    </dl>
  );
}
