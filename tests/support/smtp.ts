// Starting and stopping the real SMTP servers the mail tests send to, on a free loopback port.
import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";

export async function listenOnLoopback(server: SMTPServer): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.server.address() as AddressInfo).port;
}

export function closeServer(server: SMTPServer): Promise<void> {
  return new Promise<void>((resolve) => server.close(() => resolve()));
}

/** Clears every SMTP_* variable and APP_URL, then sets the ones given. */
export function configureMail(env: Record<string, string | undefined>) {
  for (const key of ["SMTP_HOST", "SMTP_PORT", "SMTP_USER", "SMTP_PASSWORD", "SMTP_FROM", "SMTP_SECURE", "APP_URL"]) delete process.env[key];
  Object.assign(process.env, env);
}

/** A message as a test reads it: who it went to, and its raw text with quoted-printable soft line breaks undone. */
export type Received = { to: string[]; text: string };

/**
 * A plain SMTP server on a free loopback port (no TLS, no sign-in) that keeps every message it receives. `accept`, when
 * given, is waited for before each message is accepted: a sender stays in the middle of sending until it settles.
 */
export async function recordingSmtpServer(opts: { accept?: () => Promise<void> } = {}): Promise<{ port: number; inbox: Received[]; close: () => Promise<void> }> {
  const inbox: Received[] = [];
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const received = { to: session.envelope.rcptTo.map((r) => r.address), text: raw.replace(/=\r?\n/g, "").replace(/=3D/g, "=") };
        void (opts.accept ?? (async () => {}))().then(() => {
          inbox.push(received);
          callback();
        });
      });
    },
  });
  const port = await listenOnLoopback(server);
  return { port, inbox, close: async () => await closeServer(server) };
}
