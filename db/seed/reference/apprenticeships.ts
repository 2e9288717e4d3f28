// Apprenticeship standards used by the AHP support workforce and by support workers training
// into a registered allied health profession.
//
// CHECK BEFORE USE. References, titles and typical durations are given as best understood;
// entries marked "reference to verify" should be checked against the Institute for
// Apprenticeships and Technical Education (Skills England) listing.
//
// otjMinimumHours are ILLUSTRATIVE seed values for the rule that applies to starts from
// 1 August 2025, under which each standard publishes its own minimum off-the-job training hours
// (never below 187). They are NOT the published figures: an admin must check each one against the
// current funding rules before relying on it. For integrated degree apprenticeships the
// university programme usually far exceeds the minimum.
//
// Gateway lists are readiness checklists for the tracker. From 2025 the English and maths
// requirement for apprentices aged 19 and over is at the employer's discretion; the checklist
// keeps the item so the employer records its decision.
import type { ApprenticeshipStandardSeed } from "./types";

const readyToProceed = "Employer and training provider agree the apprentice is ready for end-point assessment";

export const apprenticeshipStandards: ApprenticeshipStandardSeed[] = [
  {
    reference: "ST0216",
    title: "Healthcare support worker",
    level: 2,
    typicalDurationMonths: 12,
    otjMinimumHours: 278,
    professionCode: null,
    options: [],
    gateway: [
      "English: level 1 achieved and level 2 attempted (or as the current funding rules require)",
      "Maths: level 1 achieved and level 2 attempted (or as the current funding rules require)",
      "Care Certificate standards completed",
      "Portfolio of evidence complete",
      "Minimum off-the-job training hours met",
      readyToProceed,
    ],
  },
  {
    reference: "ST0217",
    title: "Senior healthcare support worker",
    level: 3,
    typicalDurationMonths: 18,
    otjMinimumHours: 375,
    professionCode: null,
    options: [
      "Adult nursing support",
      "Maternity support",
      "Theatre support",
      "Mental health support",
      "Children and young people support",
      "Allied health profession – therapy support",
    ],
    gateway: [
      "English level 2 achieved",
      "Maths level 2 achieved",
      "Care Certificate completed",
      "Level 3 Diploma in Healthcare Support completed",
      "Portfolio of evidence complete",
      "Minimum off-the-job training hours met",
      readyToProceed,
    ],
  },
  {
    reference: "ST0215",
    title: "Assistant practitioner (health)",
    level: 5,
    typicalDurationMonths: 24,
    otjMinimumHours: 538,
    professionCode: null,
    options: [],
    gateway: [
      "English level 2 achieved",
      "Maths level 2 achieved",
      "Care Certificate completed",
      "Foundation degree (level 5) or other level 5 qualification required by the standard completed",
      "Portfolio of evidence complete",
      "Minimum off-the-job training hours met",
      readyToProceed,
    ],
  },
  {
    reference: "ST0287", // reference to verify
    title: "Associate ambulance practitioner",
    level: 4,
    typicalDurationMonths: 18,
    otjMinimumHours: 375,
    professionCode: "ambulance",
    options: [],
    gateway: [
      "English level 2 achieved",
      "Maths level 2 achieved",
      "Level 4 qualification required by the standard completed",
      "Driving qualification required for emergency response achieved",
      "Portfolio of evidence complete",
      "Minimum off-the-job training hours met",
      readyToProceed,
    ],
  },
  {
    reference: "ST0489", // reference to verify
    title: "Ambulance support worker (emergency, urgent and non-urgent)",
    level: 3,
    typicalDurationMonths: 12,
    otjMinimumHours: 278,
    professionCode: "ambulance",
    options: [],
    gateway: [
      "English level 2 achieved",
      "Maths level 2 achieved",
      "Care Certificate completed",
      "Level 3 qualification required by the standard completed",
      "Driving qualification required by the employer achieved",
      "Portfolio of evidence complete",
      "Minimum off-the-job training hours met",
      readyToProceed,
    ],
  },
  // Level 6 degree apprenticeships into a registered profession. In an integrated degree the
  // end-point assessment is part of the degree, so gateway comes before its final assessment.
  {
    reference: "ST0517", // reference to verify
    title: "Physiotherapist (degree)",
    level: 6,
    typicalDurationMonths: 48,
    otjMinimumHours: 1660,
    professionCode: "physio",
    options: [],
    gateway: [
      "English level 2 achieved",
      "Maths level 2 achieved",
      "All degree modules before the end-point assessment passed on an HCPC-approved programme",
      "Required practice-based learning hours completed and signed off",
      "Portfolio of evidence complete",
      "Minimum off-the-job training hours met",
      "Employer and university agree the apprentice is ready for end-point assessment",
    ],
  },
  {
    reference: "ST0518", // reference to verify
    title: "Occupational therapist (integrated degree)",
    level: 6,
    typicalDurationMonths: 48,
    otjMinimumHours: 1660,
    professionCode: "ot",
    options: [],
    gateway: [
      "English level 2 achieved",
      "Maths level 2 achieved",
      "All degree modules before the end-point assessment passed on an HCPC-approved programme",
      "Required practice-based learning hours completed and signed off",
      "Portfolio of evidence complete",
      "Minimum off-the-job training hours met",
      "Employer and university agree the apprentice is ready for end-point assessment",
    ],
  },
  {
    reference: "ST0582", // reference to verify
    title: "Operating department practitioner (integrated degree)",
    level: 6,
    typicalDurationMonths: 36,
    otjMinimumHours: 1250,
    professionCode: "odp",
    options: [],
    gateway: [
      "English level 2 achieved",
      "Maths level 2 achieved",
      "All degree modules before the end-point assessment passed on an HCPC-approved programme",
      "Required practice-based learning hours completed and signed off",
      "Portfolio of evidence complete",
      "Minimum off-the-job training hours met",
      "Employer and university agree the apprentice is ready for end-point assessment",
    ],
  },
  {
    reference: "ST0601", // reference to verify
    title: "Paramedic (integrated degree)",
    level: 6,
    typicalDurationMonths: 36,
    otjMinimumHours: 1250,
    professionCode: "paramedic",
    options: [],
    gateway: [
      "English level 2 achieved",
      "Maths level 2 achieved",
      "All degree modules before the end-point assessment passed on an HCPC-approved programme",
      "Required practice-based learning hours completed and signed off",
      "Driving qualification required for emergency response achieved",
      "Portfolio of evidence complete",
      "Minimum off-the-job training hours met",
      "Employer and university agree the apprentice is ready for end-point assessment",
    ],
  },
  {
    reference: "ST0613", // reference to verify
    title: "Diagnostic radiographer (integrated degree)",
    level: 6,
    typicalDurationMonths: 36,
    otjMinimumHours: 1250,
    professionCode: "radiography-diagnostic",
    options: [],
    gateway: [
      "English level 2 achieved",
      "Maths level 2 achieved",
      "All degree modules before the end-point assessment passed on an HCPC-approved programme",
      "Required practice-based learning hours completed and signed off",
      "Portfolio of evidence complete",
      "Minimum off-the-job training hours met",
      "Employer and university agree the apprentice is ready for end-point assessment",
    ],
  },
  {
    reference: "ST0614", // reference to verify
    title: "Therapeutic radiographer (integrated degree)",
    level: 6,
    typicalDurationMonths: 36,
    otjMinimumHours: 1250,
    professionCode: "radiography-therapeutic",
    options: [],
    gateway: [
      "English level 2 achieved",
      "Maths level 2 achieved",
      "All degree modules before the end-point assessment passed on an HCPC-approved programme",
      "Required practice-based learning hours completed and signed off",
      "Portfolio of evidence complete",
      "Minimum off-the-job training hours met",
      "Employer and university agree the apprentice is ready for end-point assessment",
    ],
  },
  {
    reference: "ST0626", // reference to verify
    title: "Speech and language therapist (integrated degree)",
    level: 6,
    typicalDurationMonths: 48,
    otjMinimumHours: 1660,
    professionCode: "slt",
    options: [],
    gateway: [
      "English level 2 achieved",
      "Maths level 2 achieved",
      "All degree modules before the end-point assessment passed on an HCPC-approved programme",
      "Required practice-based learning hours completed and signed off",
      "Portfolio of evidence complete",
      "Minimum off-the-job training hours met",
      "Employer and university agree the apprentice is ready for end-point assessment",
    ],
  },
  {
    reference: "ST0637", // reference to verify
    title: "Dietitian (integrated degree)",
    level: 6,
    typicalDurationMonths: 48,
    otjMinimumHours: 1660,
    professionCode: "dietetics",
    options: [],
    gateway: [
      "English level 2 achieved",
      "Maths level 2 achieved",
      "All degree modules before the end-point assessment passed on an HCPC-approved programme",
      "Required practice-based learning hours completed and signed off",
      "Portfolio of evidence complete",
      "Minimum off-the-job training hours met",
      "Employer and university agree the apprentice is ready for end-point assessment",
    ],
  },
  {
    reference: "ST0508", // reference to verify
    title: "Podiatrist (integrated degree)",
    level: 6,
    typicalDurationMonths: 48,
    otjMinimumHours: 1660,
    professionCode: "podiatry",
    options: [],
    gateway: [
      "English level 2 achieved",
      "Maths level 2 achieved",
      "All degree modules before the end-point assessment passed on an HCPC-approved programme",
      "Required practice-based learning hours completed and signed off",
      "Portfolio of evidence complete",
      "Minimum off-the-job training hours met",
      "Employer and university agree the apprentice is ready for end-point assessment",
    ],
  },
  {
    reference: "ST0623", // reference to verify
    title: "Prosthetist and orthotist (integrated degree)",
    level: 6,
    typicalDurationMonths: 48,
    otjMinimumHours: 1660,
    professionCode: "prosthetics-orthotics",
    options: [],
    gateway: [
      "English level 2 achieved",
      "Maths level 2 achieved",
      "All degree modules before the end-point assessment passed on an HCPC-approved programme",
      "Required practice-based learning hours completed and signed off",
      "Portfolio of evidence complete",
      "Minimum off-the-job training hours met",
      "Employer and university agree the apprentice is ready for end-point assessment",
    ],
  },
];
