// The specs that run with the app on PostgreSQL as well as on SQLite (the "postgres" project, playwright.config.ts):
// signing in, a manager's appraisal to its signature, and a lead's insights, each on its own clone of a demo template
// on the throwaway server global setup starts. They read their expected figures through e2e/support/data.ts, which
// reads either kind of database.
export const POSTGRES_SPECS = ["sign-in", "appraisals", "insights"] as const;

/** Specs only the "postgres" project runs: two app instances over one database need a database server. */
export const POSTGRES_ONLY_SPECS = ["instances"] as const;
