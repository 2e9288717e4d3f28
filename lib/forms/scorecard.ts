// The scorecard thresholds form: for each measure a "green from" and "amber from" figure, typed as a percentage for
// shares and as hours for CPD per FTE; amber must not be above green.
import { z } from "zod";
import { MEASURE_INFO, SCORECARD_MEASURES, type Thresholds } from "../rules/scorecard";

const figure = (max: number, unit: string) =>
  z
    .string({ error: `Enter a number of ${unit}` })
    .trim()
    .min(1, `Enter a number of ${unit}`)
    .transform((raw, ctx) => {
      const n = Number(raw.replace(",", "."));
      if (!/^\d*\.?\d+$/.test(raw.replace(",", ".")) || !Number.isFinite(n) || n > max) {
        ctx.addIssue({ code: "custom", message: `Enter a number of ${unit} from 0 to ${max}` });
        return z.NEVER;
      }
      return n;
    });

const shape = Object.fromEntries(
  SCORECARD_MEASURES.flatMap((m) => {
    const f = MEASURE_INFO[m].kind === "share" ? () => figure(100, "per cent") : () => figure(1000, "hours");
    return [
      [`${m}.green`, f()],
      [`${m}.amber`, f()],
    ];
  }),
) as Record<string, ReturnType<typeof figure>>;

export const thresholdFields = z
  .object(shape)
  .superRefine((v, ctx) => {
    for (const m of SCORECARD_MEASURES) {
      const g = v[`${m}.green`];
      const a = v[`${m}.amber`];
      if (typeof g === "number" && typeof a === "number" && a > g) {
        ctx.addIssue({ code: "custom", path: [`${m}.amber`], message: `${MEASURE_INFO[m].label}: amber cannot start above green` });
      }
    }
    // Checked even when another field failed, so every problem is reported at once.
  }, { when: () => true })
  .transform((v): Thresholds => {
    const out = {} as Thresholds;
    for (const m of SCORECARD_MEASURES) {
      const scale = MEASURE_INFO[m].kind === "share" ? 100 : 1;
      out[m] = { green: v[`${m}.green`]! / scale, amber: v[`${m}.amber`]! / scale };
    }
    return out;
  });
