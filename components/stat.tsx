// A headline figure with its label and an optional note (e.g. the definition or the base).
export function Stat({ label, value, note }: { label: string; value: React.ReactNode; note?: React.ReactNode }) {
  return (
    <div className="card">
      <p className="text-sm font-semibold text-nhs-secondary">{label}</p>
      <p className="mt-1 text-3xl font-bold tabular-nums">{value}</p>
      {note ? <p className="mt-1 text-sm text-nhs-secondary">{note}</p> : null}
    </div>
  );
}

export function percent(part: number, whole: number): string {
  if (whole === 0) return "–";
  return `${Math.round((100 * part) / whole)}%`;
}
