// A small bar chart of barriers per quarter: an inline SVG with one accessible name giving every figure, the table
// beneath it carries the same numbers for anyone who cannot see it.
import type { Quarter } from "@/db/queries/barriers";
import { formatDate } from "@/lib/rules/dates";

const month = (iso: string) => new Intl.DateTimeFormat("en-GB", { month: "short", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));

export function QuarterChart({ trend }: { trend: Quarter[] }) {
  const max = Math.max(1, ...trend.map((q) => q.recorded + q.declined));
  const w = 400;
  const h = 180;
  const pad = 34;
  const bar = w / trend.length;
  const y = (n: number) => h - pad - ((h - 2 * pad) * n) / max;
  const label = `Barriers per quarter, oldest first: ${trend
    .map((q) => `quarter to ${formatDate(q.end)}: ${q.recorded} recorded, ${q.declined} declined`)
    .join("; ")}.`;
  return (
    <figure className="mb-4 max-w-lg">
      <svg viewBox={`0 -6 ${w} ${h + 6}`} role="img" aria-label={label} className="h-auto w-full">
        <line x1={0} x2={w} y1={h - pad} y2={h - pad} stroke="currentColor" strokeWidth="1" />
        {trend.map((q, i) => {
          const x = i * bar + bar * 0.15;
          const bw = bar * 0.7;
          return (
            <g key={q.end}>
              <rect x={x} y={y(q.recorded)} width={bw} height={h - pad - y(q.recorded)} className="fill-nhs-blue" />
              <rect x={x} y={y(q.recorded + q.declined)} width={bw} height={y(q.recorded) - y(q.recorded + q.declined)} className="fill-nhs-purple" />
              <text x={x + bw / 2} y={y(q.recorded + q.declined) - 4} textAnchor="middle" fontSize="12" fill="currentColor">
                {q.recorded + q.declined}
              </text>
              <text x={x + bw / 2} y={h - pad + 14} textAnchor="middle" fontSize="12" fill="currentColor">
                <tspan x={x + bw / 2}>{month(q.end)}</tspan>
                <tspan x={x + bw / 2} dy="13">
                  {q.end.slice(0, 4)}
                </tspan>
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="mt-1 flex flex-wrap gap-4 text-sm" aria-hidden="true">
        <span>
          <span className="mr-1 inline-block h-3 w-3 bg-nhs-blue align-middle" /> Barriers recorded
        </span>
        <span>
          <span className="mr-1 inline-block h-3 w-3 bg-nhs-purple align-middle" /> Training requests declined
        </span>
      </figcaption>
    </figure>
  );
}
