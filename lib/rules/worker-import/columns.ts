// The columns of a staff list: the headings the import accepts and the export writes (so an export imports cleanly).

/**
 * The columns, by the heading Pathways writes (the export uses the same ones, so an export imports cleanly) and
 * the other headings it accepts. Headings are compared ignoring case, spaces and punctuation.
 */
export const IMPORT_COLUMNS = {
  employeeNumber: { heading: "Employee number", required: true, aliases: ["Employee no", "Employee ID", "Staff number", "Payroll number"] },
  firstName: { heading: "First name", required: true, aliases: ["Forename", "Forenames", "Given name"] },
  lastName: { heading: "Last name", required: true, aliases: ["Surname", "Family name"] },
  jobTitle: { heading: "Job title", required: true, aliases: ["Job role", "Position title"] },
  profession: { heading: "Profession", required: true, aliases: [] },
  band: { heading: "Band", required: true, aliases: ["Pay band", "AfC band", "Agenda for Change band"] },
  fte: { heading: "FTE", required: true, aliases: ["WTE", "Full time equivalent", "Whole time equivalent"] },
  team: { heading: "Team", required: true, aliases: ["Team name"] },
  careSetting: { heading: "Care setting", required: true, aliases: ["Setting"] },
  contractStart: { heading: "Start date", required: true, aliases: ["Contract start date", "Assignment start date", "Date started"] },
  lineManagerEmail: { heading: "Line manager email", required: true, aliases: ["Line manager's email", "Line manager email address", "Manager email"] },
  role: { heading: "Role", required: false, aliases: ["Stage", "Support role"] },
} as const satisfies Record<string, { heading: string; required: boolean; aliases: readonly string[] }>;

export type ImportColumn = keyof typeof IMPORT_COLUMNS;
export type Cells = Record<ImportColumn, string>;
export const COLUMN_KEYS = Object.keys(IMPORT_COLUMNS) as ImportColumn[];

/** The CSV columns of the export: the import's, in its order, then what only the export carries. */
export const EXPORT_HEADINGS = [...COLUMN_KEYS.map((c) => IMPORT_COLUMNS[c].heading), "Status", "Line manager"] as const;
