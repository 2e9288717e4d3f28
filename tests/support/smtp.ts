// Starting and stopping the real SMTP servers the mail tests send to, on a free loopback port.
import type { SMTPServer } from "smtp-server";
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
