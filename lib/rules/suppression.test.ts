// Property tests of small-number suppression: for random tables of counts with their totals, nothing from 1 to 7 is
// shown, no rate has a base under 8, and no line of the table (a row or column with its total, and the totals with the
// total of totals) has exactly one hidden figure, so none can be worked out by subtraction.
import { describe, expect, it, vi } from "vitest";
import fc from "fast-check";
import { countCell, gridOf, isSmall, rateCell, suppressGrid, suppressLinked, SUPPRESSED, type CountGrid, type HiddenGrid } from "./suppression";

// A property runs up to 2,000 random tables: about 2 s alone, but past the default 5 s when the unit suite shares two
// cores with the end-to-end servers. The work is bounded by numRuns, so a longer limit hides no hang.
vi.setConfig({ testTimeout: 60_000 });

/** Counts skewed towards the small ones, where suppression matters. */
const count = fc.oneof(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 60 }));
const table = fc
  .tuple(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 6 }))
  .chain(([rows, columns]) => fc.array(fc.array(count, { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows }));

/** The table with its totals as one extended grid of [value, hidden] pairs. */
function extended(g: CountGrid, h: HiddenGrid): [number, boolean][][] {
  return [
    ...g.cells.map((row, r) => [...row.map((v, c) => [v, h.cells[r]![c]!] as [number, boolean]), [g.rowTotals[r]!, h.rowTotals[r]!] as [number, boolean]]),
    [...g.columnTotals.map((v, c) => [v, h.columnTotals[c]!] as [number, boolean]), [g.total, h.total]],
  ];
}

function expectSafe(g: CountGrid, h: HiddenGrid) {
  const x = extended(g, h);
  for (const row of x) for (const [v, hidden] of row) if (!hidden) expect(isSmall(v), `shown ${v}`).toBe(false);
  const lines = [...x, ...x[0]!.map((_, c) => x.map((row) => row[c]!))];
  for (const line of lines) {
    const n = line.filter(([, hidden]) => hidden).length;
    expect(n === 0 || n >= 2, `a line with one hidden figure: ${JSON.stringify(line)}`).toBe(true);
  }
}

describe("suppressGrid", () => {
  it("never shows 1 to 7, and never leaves one hidden figure alone in a row, a column or the totals", () => {
    fc.assert(
      fc.property(table, (cells) => {
        const g = gridOf(cells);
        expectSafe(g, suppressGrid(g));
      }),
      { numRuns: 2000 },
    );
  });

  it("shows every figure it does not hide as it is, and the displayed cells never read 1 to 7", () => {
    fc.assert(
      fc.property(table, (cells) => {
        const g = gridOf(cells);
        const h = suppressGrid(g);
        g.cells.forEach((row, r) =>
          row.forEach((v, c) => {
            const shown = countCell(v, h.cells[r]![c]!);
            expect(shown === SUPPRESSED || (shown === v && !isSmall(v))).toBe(true);
          }),
        );
      }),
    );
  });

  it("hides nothing in a table with no small numbers", () => {
    fc.assert(
      fc.property(table.map((t) => t.map((r) => r.map((v) => (isSmall(v) ? v + 8 : v)))), (cells) => {
        const g = gridOf(cells);
        const h = suppressGrid(g);
        expect([...h.cells.flat(), ...h.rowTotals, ...h.columnTotals, h.total].some(Boolean)).toBe(false);
      }),
    );
  });

  it("hides the next smallest figure in a row with one small count", () => {
    const h = suppressGrid(gridOf([[3, 20, 9], [40, 30, 50]]));
    expect(h.cells[0]).toEqual([true, false, true]);
    // The columns each have one hidden cell now, so the other row's are hidden too.
    expect(h.cells[1]).toEqual([true, false, true]);
    expect(h.rowTotals).toEqual([false, false]);
  });
});

describe("suppressLinked", () => {
  it("keeps every grid safe and hides a shared headcount in all of them or none", () => {
    // Measures of the same groups: each grid is [met, not met] per group, so its row totals are the groups' headcounts.
    const linked = fc
      .tuple(fc.array(count, { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 4 }))
      .chain(([bases, measures]) =>
        fc.tuple(fc.constant(bases), fc.array(fc.tuple(...bases.map((b) => fc.integer({ min: 0, max: b }))), { minLength: measures, maxLength: measures })),
      );
    fc.assert(
      fc.property(linked, ([bases, mets]) => {
        const grids = mets.map((met) => gridOf(bases.map((b, i) => [met[i]!, b - met[i]!]), 2));
        const hidden = suppressLinked(grids);
        grids.forEach((g, i) => expectSafe(g, hidden[i]!));
        for (const h of hidden) {
          expect(h.rowTotals).toEqual(hidden[0]!.rowTotals);
          expect(h.total).toBe(hidden[0]!.total);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe("rateCell", () => {
  it("gives no rate for a base under 8, or for a hidden count", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 }), fc.boolean(), (a, b, hidden) => {
        const [met, base] = [Math.min(a, b), Math.max(a, b)];
        const shown = rateCell(met, base, hidden);
        if (base < 8 || hidden) expect(shown).toBe(SUPPRESSED);
        else expect(shown).toBe(`${Math.round((100 * met) / base)}%`);
      }),
    );
  });
});
