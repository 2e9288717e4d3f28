// Configuration from environment variables, read once and validated. No secrets are logged.
import { z } from "zod";

const flag = z
  .enum(["1", "0", "true", "false", "yes", "no", "on", "off", ""])
  .optional()
  .transform((v) => (v === undefined || v === "" ? undefined : ["1", "true", "yes", "on"].includes(v)));

const Env = z.object({
  DATABASE_PATH: z.string().min(1).default("data/pathways.db"),
  /** Demo mode seeds the demo organisation on an empty database and shows the demo logins. On unless set off. */
  PATHWAYS_DEMO: flag,
  AUTH_MICROSOFT_ENTRA_ID_ID: z.string().optional(),
  AUTH_MICROSOFT_ENTRA_ID_SECRET: z.string().optional(),
  AUTH_MICROSOFT_ENTRA_ID_ISSUER: z.string().url().optional(),
});

function read() {
  const parsed = Env.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(`Invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  return parsed.data;
}

export function databasePath(): string {
  return read().DATABASE_PATH;
}

export function demoMode(): boolean {
  return read().PATHWAYS_DEMO ?? true;
}

/** Microsoft Entra ID sign-in is offered only when all three variables are set. */
export function entraConfig(): { clientId: string; clientSecret: string; issuer: string } | undefined {
  const e = read();
  if (e.AUTH_MICROSOFT_ENTRA_ID_ID && e.AUTH_MICROSOFT_ENTRA_ID_SECRET && e.AUTH_MICROSOFT_ENTRA_ID_ISSUER) {
    return {
      clientId: e.AUTH_MICROSOFT_ENTRA_ID_ID,
      clientSecret: e.AUTH_MICROSOFT_ENTRA_ID_SECRET,
      issuer: e.AUTH_MICROSOFT_ENTRA_ID_ISSUER,
    };
  }
  return undefined;
}
