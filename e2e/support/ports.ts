// The e2e servers' addresses. E2E_PORT_BASE moves them all, so a second checkout can run the suite beside this one.
const BASE_PORT = Number(process.env.E2E_PORT_BASE ?? 3100);

/** The server global setup runs on the main day's template database to sign the demo roles in. */
export const TEMPLATE_PORT = BASE_PORT;
/** Each Playwright worker's own server (one spec at a time), by the worker's parallel index. */
export const specPort = (parallelIndex: number) => BASE_PORT + 10 + parallelIndex;
/** A second instance of the app over a spec's PostgreSQL database (e2e/instances.spec.ts). */
export const SECOND_INSTANCE_PORT = BASE_PORT + 96;
/** A second server on a spec's database with email set up, sending to the spec's own SMTP server (e2e/help.spec.ts). */
export const EMAIL_SETTINGS_PORT = BASE_PORT + 97;
/** A second server on a spec's database, configured as if served at an https address (e2e/security-headers.spec.ts). */
export const HTTPS_SETTINGS_PORT = BASE_PORT + 98;
/** The OpenID Connect provider the single-sign-on spec starts; every server's Entra ID settings point at it. */
export const OIDC_PORT = BASE_PORT + 99;
/** The most workers the ports leave room for. */
export const MAX_WORKERS = 80;

export const originOf = (port: number) => `http://localhost:${port}`;
