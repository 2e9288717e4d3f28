// SQLite, the embedded default: migrations in drizzle/sqlite (npm run db:generate makes both dialects').
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "sqlite",
  schema: "./db/schema/sqlite.ts",
  out: "./drizzle/sqlite",
  dbCredentials: { url: process.env.DATABASE_PATH ?? "data/pathways.db" },
  strict: true,
  verbose: true,
});
