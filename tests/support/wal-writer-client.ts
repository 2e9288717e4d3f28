// Starts tests/support/wal-writer.ts, the app stand-in, in its own process, and asks it things over IPC. Every writer
// started is killed by killWriters (call it in afterEach).
import { fork, type ChildProcess } from "node:child_process";
import { join } from "node:path";

export type Writer = { child: ChildProcess; ask: (message: object) => Promise<{ reply: string; batches: number }> };
const writers: ChildProcess[] = [];

export async function startWriter(path: string): Promise<Writer> {
  const child = fork(join(process.cwd(), "tests/support/wal-writer.ts"), [path], { execArgv: ["--import", "tsx"], stdio: "inherit" });
  writers.push(child);
  const next = () =>
    new Promise<{ reply: string; batches: number }>((resolve, reject) => {
      child.once("message", (m) => resolve(m as { reply: string; batches: number }));
      child.once("exit", (code) => reject(new Error(`the writer exited (${code})`)));
    });
  await next();
  return {
    child,
    ask: (message) => {
      const reply = next();
      child.send(message);
      return reply;
    },
  };
}

export async function stopWriter(writer: Writer) {
  const exited = new Promise((resolve) => writer.child.once("exit", resolve));
  writer.child.send({ cmd: "exit" });
  await exited;
}

export function killWriters(): void {
  for (const child of writers.splice(0)) if (child.exitCode === null) child.kill();
}
