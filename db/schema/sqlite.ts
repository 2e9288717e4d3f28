// The SQLite schema, table by table (db/schema/index.ts hands out this or PostgreSQL's, by configuration).
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
