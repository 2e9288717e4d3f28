// The three questions a colleague answers: as they are asked, and as the worker and their manager read the answers.
export type FeedbackAnswers = { doesWell: string; couldDevelop: string; anythingElse: string };

export const FEEDBACK_QUESTIONS: ReadonlyArray<{ name: keyof FeedbackAnswers; ask: string; hint: string; read: string }> = [
  { name: "doesWell", ask: "What do they do well?", hint: "Something you have seen them do, and why it mattered", read: "What they do well" },
  { name: "couldDevelop", ask: "What could they develop?", hint: "A skill or habit that would help them, said kindly", read: "What they could develop" },
  { name: "anythingElse", ask: "Anything else?", hint: "Optional", read: "Anything else" },
];
