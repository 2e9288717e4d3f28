// Small-number suppression for tables about people's protected characteristics (docs/decisions/0011): any count from
// 1 to 7 is shown as "*", no rate is given for a base under 8, and more cells are hidden so that a hidden one cannot be
// worked out from the totals and the cells left showing. Pure, so the property test can throw random tables at it.

/** Counts below this (but above 0) are never shown; rates need a base of at least this. */
export const SMALL_NUMBER = 8;
/** What a hidden figure shows as. */
export const SUPPRESSED = "*";

/** Whether a count is a small number that would point at individuals (0 is safe to show). */
export const isSmall = (n: number) => n >= 1 && n < SMALL_NUMBER;

/** A table of counts with its row totals, column totals and the total of totals. */
export type CountGrid = { cells: number[][]; rowTotals: number[]; columnTotals: number[]; total: number };
/** Which figures of a CountGrid are hidden: the same shape, true where hidden. */
export type HiddenGrid = { cells: boolean[][]; rowTotals: boolean[]; columnTotals: boolean[]; total: boolean };

/** A grid from its cells, with the totals added up. */
export function gridOf(cells: number[][], columns = cells[0]?.length ?? 0): CountGrid {
  const rowTotals = cells.map((r) => r.reduce((a, b) => a + b, 0));
  const columnTotals = Array.from({ length: columns }, (_, c) => cells.reduce((a, r) => a + (r[c] ?? 0), 0));
  return { cells, rowTotals, columnTotals, total: rowTotals.reduce((a, b) => a + b, 0) };
}

/**
 * Which figures to hide. The grid is treated as one (rows + 1) × (columns + 1) table whose last row and column are
 * the totals, so every line of it (a row with its total, a column with its total, the column totals with the total of
 * totals, the row totals with it) adds up. First every small count is hidden (primary suppression); then, while any
 * line has exactly one hidden figure (which its total, or its other cells, would give away), the smallest non-zero
 * figure still showing in that line is hidden too (secondary suppression; a zero only when nothing else is left).
 * `forced` hides figures whatever their size (a base hidden in a linked table).
 */
export function suppressGrid(grid: CountGrid, forced?: Partial<HiddenGrid>): HiddenGrid {
  const R = grid.cells.length;
  const C = grid.columnTotals.length;
  const value = (r: number, c: number) => (r < R ? (c < C ? grid.cells[r]![c]! : grid.rowTotals[r]!) : c < C ? grid.columnTotals[c]! : grid.total);
  const force = (r: number, c: number) =>
    !!(r < R ? (c < C ? forced?.cells?.[r]?.[c] : forced?.rowTotals?.[r]) : c < C ? forced?.columnTotals?.[c] : forced?.total);
  const hidden = Array.from({ length: R + 1 }, (_, r) => Array.from({ length: C + 1 }, (_, c) => isSmall(value(r, c)) || force(r, c)));

  const lines: [number, number][][] = [
    ...Array.from({ length: R + 1 }, (_, r) => Array.from({ length: C + 1 }, (_, c) => [r, c] as [number, number])),
    ...Array.from({ length: C + 1 }, (_, c) => Array.from({ length: R + 1 }, (_, r) => [r, c] as [number, number])),
  ];
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      if (line.length < 2 || line.filter(([r, c]) => hidden[r]![c]).length !== 1) continue;
      const showing = line.filter(([r, c]) => !hidden[r]![c]);
      // The smallest non-zero figure (a cell before a total of the same size), else a zero.
      showing.sort(([r1, c1], [r2, c2]) => {
        const [a, b] = [value(r1, c1), value(r2, c2)];
        if ((a === 0) !== (b === 0)) return a === 0 ? 1 : -1;
        if (a !== b) return a - b;
        return Number(r1 === R || c1 === C) - Number(r2 === R || c2 === C);
      });
      const [r, c] = showing[0]!;
      hidden[r]![c] = true;
      changed = true;
    }
  }
  return {
    cells: Array.from({ length: R }, (_, r) => hidden[r]!.slice(0, C)),
    rowTotals: Array.from({ length: R }, (_, r) => hidden[r]![C]!),
    columnTotals: hidden[R]!.slice(0, C),
    total: hidden[R]![C]!,
  };
}

/**
 * Several grids that share their row totals and total (the same groups' headcounts, one grid per measure): suppressed
 * together, so a headcount hidden in one is hidden in all (else one grid's shown base would undo another's hiding).
 */
export function suppressLinked(grids: readonly CountGrid[]): HiddenGrid[] {
  const R = grids[0]?.rowTotals.length ?? 0;
  let rowTotals: boolean[] = Array.from({ length: R }, () => false);
  let total = false;
  for (;;) {
    const result = grids.map((g) => suppressGrid(g, { rowTotals, total }));
    const nextRows = rowTotals.map((h, r) => h || result.some((m) => m.rowTotals[r]));
    const nextTotal: boolean = total || result.some((m) => m.total);
    if (nextRows.every((h, r) => h === rowTotals[r]) && nextTotal === total) return result;
    rowTotals = nextRows;
    total = nextTotal;
  }
}

/** A count as the table shows it. */
export const countCell = (n: number, hidden: boolean): string | number => (hidden ? SUPPRESSED : n);

/**
 * A rate as the table shows it: none for a base under 8, and none where the count or the base is hidden (the rate
 * times the base would give the count back).
 */
export function rateCell(met: number, base: number, hidden: boolean): string {
  if (hidden || base < SMALL_NUMBER) return SUPPRESSED;
  return `${Math.round((100 * met) / base)}%`;
}
