import "server-only";
// Turning a freshly issued token into the link its owner gets: by email, built on APP_URL alone (never on the Host or
// X-Forwarded-Host of a request, which a client chooses), and on screen to an administrator only.
import { headers } from "next/headers";
import { appUrl } from "./env";
import { sendMail } from "./mail";
import { formatDateTime } from "./rules/dates";
import { forgottenPasswordEmail, passwordLinkEmail, setPasswordPath, showsLinkOnScreen, type DeliveredLink, type LinkPurpose } from "./rules/password-links";
import type { SessionUser } from "./session-user";
import { recordLinkDelivery, recordRequestedLinkDelivery } from "@/db/queries/password-links";

/**
 * Where the link shown to an administrator points: APP_URL when set; otherwise the address the administrator's own
 * browser used for this request (shown to them, never sent anywhere).
 */
async function screenOrigin(): Promise<string> {
  const configured = appUrl();
  if (configured) return configured;
  const h = await headers();
  const host = h.get("host") || "localhost:3000";
  const proto = host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https";
  return `${proto}://${host}`;
}

/**
 * Sends the link to its owner when email is set up (SMTP and APP_URL), shows it to the issuer when they are an
 * administrator, and audits which of the two happened.
 */
export async function deliverPasswordLink(
  issuer: SessionUser,
  input: { userId: string; token: string; expiresAt: Date; purpose: LinkPurpose; email: string; name: string; organisation?: string },
): Promise<DeliveredLink> {
  const expiresAt = formatDateTime(input.expiresAt);
  const path = setPasswordPath(input.token);
  const origin = appUrl();
  let emailed: DeliveredLink["emailed"] = "not_configured";
  if (origin) {
    const { subject, text } = passwordLinkEmail({ name: input.name, url: `${origin}${path}`, purpose: input.purpose, expiresAt, organisation: input.organisation });
    emailed = await sendMail({ to: input.email, subject, text });
  }
  const shown = showsLinkOnScreen(issuer.role);
  await recordLinkDelivery(issuer, input.userId, { emailed, shown });
  return { ...(shown ? { url: `${await screenOrigin()}${path}` } : {}), expiresAt, email: input.email, name: input.name, emailed };
}

/**
 * Emails the link a "Forgotten your password?" request made to the account's own address, built on APP_URL alone, and
 * audits whether it went. Never shown on any screen: the person asking may not be the account's owner.
 */
export async function emailRequestedLink(link: { userId: string; email: string; name: string; token: string; expiresAt: Date }, organisation?: string): Promise<void> {
  const origin = appUrl();
  let emailed: DeliveredLink["emailed"] = "not_configured";
  if (origin) {
    const { subject, text } = forgottenPasswordEmail({ name: link.name, url: `${origin}${setPasswordPath(link.token)}`, expiresAt: formatDateTime(link.expiresAt), organisation });
    emailed = await sendMail({ to: link.email, subject, text });
  }
  await recordRequestedLinkDelivery(link.userId, emailed);
}
