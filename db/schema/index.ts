export * from "./reference";
export * from "./people";
export * from "./competencies";
export * from "./development";
export * from "./apprenticeships";
export * from "./learning";
export * from "./audit";
export * from "./imports";
