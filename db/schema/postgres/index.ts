// The PostgreSQL schema (decision record 0025), table for table the same as db/schema/index.ts.
export * from "./reference";
export * from "./people";
export * from "./competencies";
export * from "./development";
export * from "./apprenticeships";
export * from "./cpd";
export * from "./audit";
export * from "./imports";
export * from "./summaries";
export * from "./mandatory-training";
