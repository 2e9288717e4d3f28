// The benchmarks' own database on a PostgreSQL server: never the database DATABASE_URL names (an installation's, which
// `npm run bench` would seed with --reset), but one beside it on the same server, made when it is missing.
import pg from "pg";

export const BENCH_DATABASE = "pathways_bench";

/** Runs statements on the `postgres` database of the server at `url` (to make, copy and drop whole databases). */
export async function onServer<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The address of the benchmarks' database on the server at `serverUrl`, made if the server has none yet. */
export async function benchDatabaseOn(serverUrl: string): Promise<string> {
  await onServer(serverUrl, async (client) => {
    const found = await client.query("select 1 from pg_database where datname = $1", [BENCH_DATABASE]);
    if (found.rowCount === 0) await client.query(`create database ${BENCH_DATABASE}`);
  });
  const bench = new URL(serverUrl);
  bench.pathname = `/${BENCH_DATABASE}`;
  return bench.toString();
}
