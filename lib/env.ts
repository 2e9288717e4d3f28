// Configuration from environment variables, read once and validated. No secrets are logged.
import { z } from "zod";

const flag = z
  .enum(["1", "0", "true", "false", "yes", "no", "on", "off", ""])
  .optional()
  .transform((v) => (v === undefined || v === "" ? undefined : ["1", "true", "yes", "on"].includes(v)));

/** An unset or empty variable is "not set". */
const optionalText = z.preprocess((v) => (v === "" ? undefined : v), z.string().optional());

const Env = z.object({
  DATABASE_PATH: z.string().min(1).default("data/pathways.db"),
  /**
   * A PostgreSQL server for deployments of several instances (postgres://user:password@host:5432/pathways). Unset, the
   * app keeps its data in the SQLite file at DATABASE_PATH (decision record 0025).
   */
  DATABASE_URL: z.preprocess((v) => (v === "" ? undefined : v), z.string().regex(/^postgres(ql)?:\/\//, "must start with postgres://").optional()),
  /**
   * Prints every SQL statement the app runs, a line each starting "[sql] " (npm run bench:http counts them per page).
   * For development and measurement only: the text of a statement, never its values.
   */
  PATHWAYS_LOG_STATEMENTS: flag,
  /** Demo mode seeds the demo organisation on an empty database and shows the demo logins. On unless set off. */
  PATHWAYS_DEMO: flag,
  /** Failed sign-ins from one client address in 15 minutes before that address is paused. */
  SIGN_IN_ADDRESS_LIMIT: z.coerce.number().int().min(5).max(100_000).optional(),
  /**
   * How many proxies stand in front of Pathways; 0 (unset) trusts no X-Forwarded-For. Read by the server
   * (scripts/server.mjs, lib/client-address.mjs), which passes the client's address on; validated here too.
   */
  TRUSTED_PROXY: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(0).max(10).optional()),
  /**
   * How long a lead's slow whole-organisation insights may be served after a change, in seconds (decision record
   * 0013); 0 works every figure out again after any change.
   */
  INSIGHTS_MAX_STALE_SECONDS: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(0).max(3600).optional()),
  AUTH_MICROSOFT_ENTRA_ID_ID: z.string().optional(),
  AUTH_MICROSOFT_ENTRA_ID_SECRET: z.string().optional(),
  AUTH_MICROSOFT_ENTRA_ID_ISSUER: z.string().url().optional(),
  /** Where people reach Pathways, e.g. https://pathways.example.nhs.uk; used in emailed links. */
  APP_URL: z.preprocess((v) => (v === "" ? undefined : v), z.string().url().optional()),
  SMTP_HOST: optionalText,
  SMTP_PORT: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).max(65535).optional()),
  SMTP_USER: optionalText,
  SMTP_PASSWORD: optionalText,
  SMTP_FROM: optionalText,
  SMTP_SECURE: flag,
  /** Who people ask for help with Pathways (the footer, the forgotten-password page, the accessibility statement). */
  HELP_NAME: z.preprocess((v) => (v === "" ? undefined : v), z.string().max(120).optional()),
  HELP_EMAIL: z.preprocess((v) => (v === "" ? undefined : v), z.string().email().optional()),
  HELP_PHONE: z.preprocess((v) => (v === "" ? undefined : v), z.string().max(40).optional()),
  /** The privacy notice: the data controller (default: the organisation's name), its data protection officer, its own notice. */
  PRIVACY_CONTROLLER: z.preprocess((v) => (v === "" ? undefined : v), z.string().max(200).optional()),
  PRIVACY_DPO_EMAIL: z.preprocess((v) => (v === "" ? undefined : v), z.string().email().optional()),
  PRIVACY_NOTICE_URL: z.preprocess((v) => (v === "" ? undefined : v), z.string().url().optional()),
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

/** Whether every SQL statement is printed as it runs (PATHWAYS_LOG_STATEMENTS). */
export function logStatements(): boolean {
  return read().PATHWAYS_LOG_STATEMENTS === true;
}

/** The PostgreSQL server's address when one is configured (DATABASE_URL), else undefined: SQLite. */
export function databaseUrl(): string | undefined {
  return read().DATABASE_URL;
}

/** Whether an address is this machine's own (a laptop's demonstration), not one other people reach. */
export function isLocalAddress(url: string): boolean {
  const host = new URL(url).hostname;
  return host === "localhost" || host.endsWith(".localhost") || host === "127.0.0.1" || host === "[::1]";
}

/**
 * Demo mode (the demo trust's logins with a known password, and a banner on every page): PATHWAYS_DEMO when it is
 * set. Unset, it is on for a laptop (no APP_URL, or a local one) and off for an installation people reach at a real
 * address, so a real address never gets the demo by accident.
 */
export function demoMode(): boolean {
  const e = read();
  if (e.PATHWAYS_DEMO !== undefined) return e.PATHWAYS_DEMO;
  return !e.APP_URL || isLocalAddress(e.APP_URL);
}

/** Why a production start (demo mode off) cannot go ahead: APP_URL, which every emailed link is built on, is missing. */
export function productionStartProblem(): string | undefined {
  if (demoMode() || appUrl()) return undefined;
  return "APP_URL is not set. Set it to the address people use to reach Pathways (for example https://pathways.example.nhs.uk), or set PATHWAYS_DEMO=1 for a demonstration.";
}

/** How long slow organisation-wide insights may be served after a change, in milliseconds (default five minutes). */
export function insightsMaxStaleMs(defaultMs: number): number {
  const seconds = read().INSIGHTS_MAX_STALE_SECONDS;
  return seconds === undefined ? defaultMs : seconds * 1000;
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

/** The address people use to reach Pathways, without a trailing slash, when APP_URL is set. */
export function appUrl(): string | undefined {
  return read().APP_URL?.replace(/\/+$/, "");
}

export type SmtpConfig = {
  host: string;
  port: number;
  /** TLS from the start (port 465); otherwise STARTTLS is used when the server offers it. */
  secure: boolean;
  auth?: { user: string; pass: string };
  from: string;
};

/** Email is sent only when SMTP_HOST is set. */
export function smtpConfig(): SmtpConfig | undefined {
  const e = read();
  if (!e.SMTP_HOST) return undefined;
  const secure = e.SMTP_SECURE ?? e.SMTP_PORT === 465;
  return {
    host: e.SMTP_HOST,
    port: e.SMTP_PORT ?? (secure ? 465 : 587),
    secure,
    auth: e.SMTP_USER ? { user: e.SMTP_USER, pass: e.SMTP_PASSWORD ?? "" } : undefined,
    from: e.SMTP_FROM ?? `Pathways <no-reply@${e.SMTP_HOST}>`,
  };
}

/** Whether links can be emailed to their owners: a mail server, and APP_URL to build them on (never a request's Host). */
export function emailsLinks(): boolean {
  return !!smtpConfig() && !!appUrl();
}

export function signInAddressLimit(fallback: number): number {
  return read().SIGN_IN_ADDRESS_LIMIT ?? fallback;
}

/** Who to ask for help, as the trust configured it (HELP_*); with nothing set, the IT service desk, named generically. */
export type HelpContact = { name: string; email?: string; phone?: string; configured: boolean };

export function helpContact(): HelpContact {
  const e = read();
  return {
    name: e.HELP_NAME ?? "your IT service desk",
    email: e.HELP_EMAIL,
    phone: e.HELP_PHONE,
    configured: !!(e.HELP_NAME || e.HELP_EMAIL || e.HELP_PHONE),
  };
}

/** The privacy notice's particulars (PRIVACY_*); the controller defaults to the organisation Pathways was set up for. */
export function privacySettings(): { controller?: string; dpoEmail?: string; noticeUrl?: string } {
  const e = read();
  return { controller: e.PRIVACY_CONTROLLER, dpoEmail: e.PRIVACY_DPO_EMAIL, noticeUrl: e.PRIVACY_NOTICE_URL };
}
