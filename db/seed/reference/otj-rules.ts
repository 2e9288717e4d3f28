// Off-the-job training rules for apprenticeships in England, by the apprentice's start date.
// The tracker picks the rule whose date range contains the start date, then works out the
// required hours: for "standard_minimum" it reads the standard's own otjMinimumHours
// (see apprenticeships.ts) and never goes below the floor held here.
import type { OtjRuleSeed } from "./types";

export const otjRules: OtjRuleSeed[] = [
  {
    effectiveFrom: "2017-05-01",
    effectiveTo: "2022-07-31",
    kind: "percent_of_hours",
    value: 20,
    minimumHours: null,
    description:
      "Starts before 1 August 2022: at least 20% of the apprentice's contracted working hours over the planned duration of the apprenticeship, excluding annual leave, is spent in off-the-job training.",
  },
  {
    effectiveFrom: "2022-08-01",
    effectiveTo: "2025-07-31",
    kind: "hours_per_week",
    value: 6,
    minimumHours: null,
    description:
      "Starts from 1 August 2022 to 31 July 2025: an average of 6 hours a week of off-the-job training for a full-time apprentice (30 or more contracted hours a week), however many hours they work above 30. Part-time apprentices do 20% of their contracted hours, pro rata. Annual leave is excluded from the calculation.",
  },
  {
    effectiveFrom: "2025-08-01",
    effectiveTo: null,
    kind: "standard_minimum",
    value: 187,
    minimumHours: 187,
    description:
      "Starts from 1 August 2025: each apprenticeship standard publishes its own minimum number of off-the-job training hours for the whole programme, and no standard's minimum is below 187 hours. Record the published figure on the standard and plan hours to meet it.",
  },
];
