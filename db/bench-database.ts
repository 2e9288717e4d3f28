// The benchmarks' own database on a PostgreSQL server: never the database DATABASE_URL names (an installation's, which
// `npm run bench` would seed with --reset), but one beside it on the same server, made when it is missing.
import pg from "pg";

export const BENCH_DATABASE = "pathways_bench";

/** The address of the benchmarks' database on the server at `serverUrl`, made if the server has none yet. */
export async function benchDatabaseOn(serverUrl: string): Promise<string> {
  const admin = new URL(serverUrl);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [BENCH_DATABASE]);
    if (found.rowCount === 0) await client.query(`create database ${BENCH_DATABASE}`);
  } finally {
    await client.end();
  }
  const bench = new URL(serverUrl);
  bench.pathname = `/${BENCH_DATABASE}`;
  return bench.toString();
}
