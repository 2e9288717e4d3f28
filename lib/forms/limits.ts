// The length limits of the fields that show a character count (components/forms/character-count.tsx): the schemas in
// lib/forms check them and the forms show them, so both say the same number. Kept apart from the schemas so a form
// in the browser can read a number without loading zod.

/** A PDP goal's title, "What is the goal?". */
export const GOAL_TITLE_MAX = 200;
/** An action under a goal, "What will be done". */
export const ACTION_DESCRIPTION_MAX = 500;
/** A new objective in an appraisal. */
export const OBJECTIVE_TITLE_MAX = 300;
/** A next step agreed in a career conversation, "What will happen". */
export const STEP_DESCRIPTION_MAX = 500;
/** The titles of an apprenticeship standard, a resource and a framework domain; a statement's source reference. */
export const TITLE_MAX = 200;
/** Long free text: an appraisal's sections, CPD reflections, summaries, progress, notes, evidence, options discussed. */
export const LONG_TEXT_MAX = 4000;
/** A note or description of middling length: why a goal matters, a barrier's detail, a self-assessment note. */
export const NOTE_MAX = 2000;
/** A reason or a short note: why a goal is deferred, why a sign-off is reopened, an off-the-job note. */
export const REASON_MAX = 1000;
/** What else gets in the way, beside the barrier categories chosen in a career conversation. */
export const OTHER_BARRIER_MAX = 500;
