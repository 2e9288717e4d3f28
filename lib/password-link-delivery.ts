import "server-only";
// Turning a freshly issued token into the link people are shown (and emailed, when SMTP is set up).
import { headers } from "next/headers";
import { appUrl } from "./env";
import { sendMail } from "./mail";
import { formatDateTime } from "./rules/dates";
import { passwordLinkEmail, setPasswordPath, type DeliveredLink, type LinkPurpose } from "./rules/password-links";

/** APP_URL when set; otherwise the address this request came to, so the link works from where the admin is. */
export async function linkOrigin(): Promise<string> {
  const configured = appUrl();
  if (configured) return configured;
  const h = await headers();
  const host = h.get("x-forwarded-host")?.split(",")[0]?.trim() || h.get("host") || "localhost:3000";
  const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim() || (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}

export async function deliverPasswordLink(input: {
  token: string;
  expiresAt: Date;
  purpose: LinkPurpose;
  email: string;
  name: string;
  organisation?: string;
}): Promise<DeliveredLink> {
  const url = `${await linkOrigin()}${setPasswordPath(input.token)}`;
  const expiresAt = formatDateTime(input.expiresAt);
  const { subject, text } = passwordLinkEmail({ name: input.name, url, purpose: input.purpose, expiresAt, organisation: input.organisation });
  const emailed = await sendMail({ to: input.email, subject, text });
  return { url, expiresAt, email: input.email, name: input.name, emailed };
}
