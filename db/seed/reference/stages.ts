// Support roles and levels, from trainee to assistant practitioner. educationLevel is the
// Regulated Qualifications Framework level typical of the role. Trainees and apprentices sit at
// rank 0: an apprentice's programme (level 2 to 6) is held on their apprenticeship record, and
// finishing it and taking up a substantive post counts as progression.
import type { StageSeed } from "./types";

export const stages: StageSeed[] = [
  {
    code: "trainee",
    name: "Trainee / student",
    educationLevel: null,
    frameworkStage: null,
    rank: 0,
    description:
      "A trainee or student in a support role or on placement, learning the basics of the service under close supervision before taking on delegated work.",
  },
  {
    code: "apprentice",
    name: "Apprentice",
    educationLevel: null,
    frameworkStage: null,
    rank: 0,
    description:
      "Employed on an apprenticeship, from the level 2 Healthcare support worker standard to a level 6 degree apprenticeship, combining work with off-the-job training towards an end-point assessment.",
  },
  {
    code: "support_worker",
    name: "Support worker",
    educationLevel: 2,
    frameworkStage: "entry",
    rank: 1,
    description:
      "Entry-level support role, typically Agenda for Change band 2 or 3. Carries out routine, well-defined tasks delegated by a registered professional, under direct or close supervision, following agreed plans and protocols.",
  },
  {
    code: "senior_support_worker",
    name: "Senior support worker",
    educationLevel: 3,
    frameworkStage: "intermediate",
    rank: 2,
    description:
      "Level 3 role, typically band 3. Works with more independence on delegated tasks, often with a defined group of service users, adapts activities within set limits and helps guide newer support workers.",
  },
  {
    code: "level4",
    name: "Advanced support worker (level 4)",
    educationLevel: 4,
    frameworkStage: null,
    rank: 3,
    description:
      "A role working at level 4, between senior support worker and assistant practitioner, often while studying towards a level 5 qualification. The HEE framework has no level 4 stage, so the service decides which statements apply.",
  },
  {
    code: "assistant_practitioner",
    name: "Assistant practitioner",
    educationLevel: 5,
    frameworkStage: "assistant_practitioner",
    rank: 4,
    description:
      "Level 5 role, typically band 4, usually holding a foundation degree or the level 5 apprenticeship. Manages a delegated caseload within protocols, makes decisions within a defined scope of practice, and supervises and teaches support workers.",
  },
];
