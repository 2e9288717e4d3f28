// A stand-in for the running app in tests/backup.test.ts: a separate process that opens the database the way the app
// does (db/client.ts: WAL, synchronous FULL) and writes through its WAL when told to, over IPC.
//   "write" n: n transactions now, then reply; "run": keep writing until "stop"; "count": reply with the batches.
// Each transaction adds one drill_batches row and three drill_visits rows, so a consistent snapshot always holds
// three visits per batch and batches numbered 1..n.
import { closeDatabase, openDatabase, rawSqlite } from "../../db/client";

type Command = { cmd: "write"; n: number } | { cmd: "run" } | { cmd: "stop" } | { cmd: "count" } | { cmd: "exit" };

const path = process.argv[2];
if (!path) throw new Error("usage: wal-writer.ts DATABASE");
openDatabase(path);
const sqlite = rawSqlite();
sqlite.exec(`
  create table if not exists drill_batches (id integer primary key, written_at integer not null);
  create table if not exists drill_visits (id integer primary key, batch_id integer not null references drill_batches(id), n integer not null);
`);
// Everything so far into the database file itself: from here on, new commits sit in the WAL until a checkpoint.
sqlite.pragma("wal_checkpoint(TRUNCATE)");

const addBatch = sqlite.transaction(() => {
  const id = Number(sqlite.prepare("insert into drill_batches (written_at) values (?)").run(Date.now()).lastInsertRowid);
  const visit = sqlite.prepare("insert into drill_visits (batch_id, n) values (?, ?)");
  for (let n = 1; n <= 3; n++) visit.run(id, n);
});
const batches = () => (sqlite.prepare("select count(*) as n from drill_batches").get() as { n: number }).n;

let running = false;
function loop() {
  if (!running) return;
  addBatch();
  setImmediate(loop);
}

const send = (message: object) => process.send?.(message);
process.on("message", (message: Command) => {
  switch (message.cmd) {
    case "write":
      for (let i = 0; i < message.n; i++) addBatch();
      send({ reply: "written", batches: batches() });
      break;
    case "run":
      running = true;
      setImmediate(loop);
      send({ reply: "running", batches: batches() });
      break;
    case "stop":
      running = false;
      send({ reply: "stopped", batches: batches() });
      break;
    case "count":
      send({ reply: "count", batches: batches() });
      break;
    case "exit":
      closeDatabase();
      process.exit(0);
  }
});
send({ reply: "ready", batches: batches() });
