// Statutory and mandatory training: the Core Skills Training Framework's subjects (Skills for Health), with the
// renewal periods it recommends, as starting data (decision record 0033). Support workers in this service all have
// patient contact, so the clinical (level 2) versions are shipped as needed by everyone and the level 1 versions are
// there for an organisation to give to whoever needs them. An administrator changes who needs what, the periods, and
// adds the organisation's own subjects; the seeder only adds a subject whose code is missing.

export type TrainingSubjectSeed = {
  code: string;
  name: string;
  description: string;
  /** Months between renewals; null for once only. */
  renewalMonths: number | null;
  /** Shipped as needed by everyone; otherwise needed by nobody until an administrator says who. */
  everyone: boolean;
};

export const trainingSubjects: TrainingSubjectSeed[] = [
  { code: "cstf-equality", name: "Equality, diversity and human rights", description: "Core Skills Training Framework subject.", renewalMonths: 36, everyone: true },
  { code: "cstf-health-safety", name: "Health, safety and welfare", description: "Core Skills Training Framework subject.", renewalMonths: 36, everyone: true },
  { code: "cstf-conflict-resolution", name: "Conflict resolution", description: "Core Skills Training Framework subject.", renewalMonths: 36, everyone: true },
  { code: "cstf-fire-safety", name: "Fire safety", description: "Core Skills Training Framework subject. Some organisations renew it every year for inpatient areas.", renewalMonths: 24, everyone: true },
  { code: "cstf-information-governance", name: "Information governance and data security", description: "Core Skills Training Framework subject; the Data Security and Protection Toolkit expects it every year.", renewalMonths: 12, everyone: true },
  { code: "cstf-ipc-1", name: "Infection prevention and control, level 1", description: "Core Skills Training Framework subject, for staff without patient contact.", renewalMonths: 36, everyone: false },
  { code: "cstf-ipc-2", name: "Infection prevention and control, level 2", description: "Core Skills Training Framework subject, for staff with patient contact.", renewalMonths: 12, everyone: true },
  { code: "cstf-moving-handling-1", name: "Moving and handling, level 1", description: "Core Skills Training Framework subject, load handling.", renewalMonths: 36, everyone: false },
  { code: "cstf-moving-handling-2", name: "Moving and handling, level 2", description: "Core Skills Training Framework subject, people handling.", renewalMonths: 24, everyone: true },
  { code: "cstf-prevent", name: "Preventing radicalisation", description: "Core Skills Training Framework subject (Prevent).", renewalMonths: 36, everyone: true },
  { code: "cstf-resus-1", name: "Resuscitation, level 1", description: "Core Skills Training Framework subject.", renewalMonths: 12, everyone: false },
  { code: "cstf-resus-2-adult", name: "Resuscitation, level 2 (adult basic life support)", description: "Core Skills Training Framework subject.", renewalMonths: 12, everyone: true },
  { code: "cstf-resus-2-paediatric", name: "Resuscitation, level 2 (paediatric basic life support)", description: "Core Skills Training Framework subject, for those who work with children.", renewalMonths: 12, everyone: false },
  { code: "cstf-safeguarding-adults-1", name: "Safeguarding adults, level 1", description: "Core Skills Training Framework subject.", renewalMonths: 36, everyone: false },
  { code: "cstf-safeguarding-adults-2", name: "Safeguarding adults, level 2", description: "Core Skills Training Framework subject, for staff with patient contact.", renewalMonths: 36, everyone: true },
  { code: "cstf-safeguarding-children-1", name: "Safeguarding children, level 1", description: "Core Skills Training Framework subject.", renewalMonths: 36, everyone: false },
  { code: "cstf-safeguarding-children-2", name: "Safeguarding children, level 2", description: "Core Skills Training Framework subject, for staff with patient contact.", renewalMonths: 36, everyone: true },
];
