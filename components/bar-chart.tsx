// A bar chart drawn as inline SVG on the server: one group of bars a month, one bar a series, with a legend, a
// labelled y axis and month labels. It is one image to a screen reader (role="img" and a summary in words); the same
// figures are always in a table beside it. Colours are the NHS palette's, each at least 3:1 against white.
import { ScrollRegion } from "./scroll-region";

export type BarSeries = { label: string; values: number[] };

const COLOURS = ["#005eb8", "#330072", "#007f3b"]; // NHS blue, purple, green

/** A round step for the y axis, so there are at most about four gridlines. */
function niceStep(max: number): number {
  if (max <= 4) return 1;
  const raw = max / 4;
  const p = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? raw;
}

/** `labels` name the groups of bars along the bottom, already worded ("Mar 2026"). */
export function BarChart({ title, labels, series, yLabel, summary }: { title: string; labels: string[]; series: BarSeries[]; yLabel: string; summary: string }) {
  const months = labels;
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const step = niceStep(max);
  const top = Math.ceil(max / step) * step;
  const ticks = Array.from({ length: top / step + 1 }, (_, i) => i * step);
  const left = 56;
  const right = 12;
  const plotTop = 16;
  const plotHeight = 180;
  const slot = 36;
  const width = left + right + slot * months.length;
  const height = plotTop + plotHeight + 64;
  const y = (v: number) => plotTop + plotHeight - (v / top) * plotHeight;
  const barWidth = Math.max(4, (slot - 8) / series.length);
  return (
    <figure className="mb-4">
      {series.length > 1 ? (
        <ul className="mb-2 flex flex-wrap gap-x-6 gap-y-1 text-sm" aria-hidden="true">
          {series.map((s, i) => (
            <li key={s.label} className="flex items-center gap-2">
              {/* A fill attribute, not a style attribute: the Content-Security-Policy allows no inline styles. */}
              <svg className="h-3 w-3" viewBox="0 0 1 1">
                <rect width="1" height="1" fill={COLOURS[i % COLOURS.length]} />
              </svg>
              {s.label}
            </li>
          ))}
        </ul>
      ) : null}
      {/* Drawn at its own size: readable on a phone (it scrolls sideways), not blown up on a desktop. Its size is in
          width and height attributes, not a style attribute, which the Content-Security-Policy would refuse. */}
      <ScrollRegion label={`${title}, chart`}>
      <svg
        role="img"
        aria-label={summary}
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        className="bg-white"
        preserveAspectRatio="xMinYMin meet"
      >
        <text x={12} y={plotTop + plotHeight / 2} transform={`rotate(-90 12 ${plotTop + plotHeight / 2})`} textAnchor="middle" fontSize="12" fill="#212b32">
          {yLabel}
        </text>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={left} x2={width - right} y1={y(t)} y2={y(t)} stroke="#d8dde0" />
            <text x={left - 6} y={y(t) + 4} textAnchor="end" fontSize="12" fill="#212b32">
              {t}
            </text>
          </g>
        ))}
        {months.map((m, mi) =>
          series.map((s, si) => {
            const v = s.values[mi] ?? 0;
            return v > 0 ? (
              <rect key={`${m}-${si}`} x={left + mi * slot + 4 + si * barWidth} y={y(v)} width={barWidth - 1} height={y(0) - y(v)} fill={COLOURS[si % COLOURS.length]} />
            ) : null;
          }),
        )}
        <line x1={left} x2={width - right} y1={y(0)} y2={y(0)} stroke="#212b32" />
        {months.map((m, mi) => {
          const x = left + mi * slot + slot / 2;
          const ty = plotTop + plotHeight + 12;
          return (
            <text key={m} x={x} y={ty} transform={`rotate(-45 ${x} ${ty})`} textAnchor="end" fontSize="11" fill="#212b32">
              {m}
            </text>
          );
        })}
      </svg>
      </ScrollRegion>
    </figure>
  );
}

/** The chart's summary in words: "Moves up: 7 in all, most in Mar 2026 (3)." for each series. */
export function chartSummary(title: string, labels: string[], series: BarSeries[]): string {
  const parts = series.map((s) => {
    const total = s.values.reduce((a, b) => a + b, 0);
    if (total === 0) return `${s.label}: none`;
    const most = s.values.indexOf(Math.max(...s.values));
    return `${s.label}: ${total} in all, most in ${labels[most]!} (${s.values[most]})`;
  });
  return `${title}, bar chart, ${labels[0]!} to ${labels[labels.length - 1]!}. ${parts.join("; ")}. The same figures are in the table below.`;
}
