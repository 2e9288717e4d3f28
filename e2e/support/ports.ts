// The e2e servers' addresses (playwright.config.ts starts them; E2E_PORT_BASE moves them all).
const BASE_PORT = Number(process.env.E2E_PORT_BASE ?? 3100);
export const DEMO_ORIGIN = `http://localhost:${BASE_PORT}`;
export const SETUP_ORIGIN = `http://localhost:${BASE_PORT + 1}`;
export const OIDC_PORT = BASE_PORT + 99;
