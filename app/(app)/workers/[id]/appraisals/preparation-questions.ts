// The preparation's five questions: as the worker is asked them, and as their manager reads the answers.
export type PreparationAnswers = { wentWell: string; wasHard: string; wantToLearn: string; wellbeing: string; careerAspiration: string };

export const PREPARATION_QUESTIONS: ReadonlyArray<{ name: keyof PreparationAnswers; ask: string; hint: string; read: string }> = [
  { name: "wentWell", ask: "What went well this year", hint: "Work you are proud of, things you learned, feedback you had", read: "What went well" },
  { name: "wasHard", ask: "What was hard", hint: "Anything that got in the way, and what would have helped", read: "What was hard" },
  { name: "wantToLearn", ask: "What you want to learn next", hint: "Skills, training or experience for the coming year", read: "What they want to learn" },
  {
    name: "wellbeing",
    ask: "Your wellbeing",
    hint: "How you are, and any support you would like. Share only what you are comfortable sharing.",
    read: "Their wellbeing",
  },
  {
    name: "careerAspiration",
    ask: "Where you want your career to go",
    hint: "For example, growing in your role, an apprenticeship, the next level, or training as a registered professional",
    read: "Where they want their career to go",
  },
];
