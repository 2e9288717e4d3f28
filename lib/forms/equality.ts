// What the equality monitoring form may send: each question optional ("" or missing means not answered), each answer
// one of the closed list, "Prefer not to say" included.
import { z } from "zod";
import { AGE_BANDS, DISABILITY_ANSWERS, ETHNIC_GROUPS, SEX_ANSWERS } from "../vocabulary";

const optionalAnswer = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z
    .preprocess((v) => (v === "" ? undefined : v), z.enum(values, { error: `Select ${what} from the list, or leave it unanswered` }).optional())
    .transform((v) => v ?? null);

export const equalityFields = z.object({
  ethnicGroup: optionalAnswer(ETHNIC_GROUPS, "your ethnic group"),
  disability: optionalAnswer(DISABILITY_ANSWERS, "an answer about disability"),
  sex: optionalAnswer(SEX_ANSWERS, "your sex"),
  ageBand: optionalAnswer(AGE_BANDS, "your age band"),
});

export type EqualityAnswers = z.output<typeof equalityFields>;
export const EQUALITY_QUESTIONS = ["ethnicGroup", "disability", "sex", "ageBand"] as const satisfies readonly (keyof EqualityAnswers)[];
