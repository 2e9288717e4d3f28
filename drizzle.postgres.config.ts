// PostgreSQL, for deployments of several instances (decision record 0025): the same design from db/schema/postgres,
// migrations in drizzle/postgres.
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/postgres/index.ts",
  out: "./drizzle/postgres",
  dbCredentials: { url: process.env.DATABASE_URL ?? "postgres://localhost/pathways" },
  strict: true,
  verbose: true,
});
