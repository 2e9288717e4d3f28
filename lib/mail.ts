import "server-only";
// Sending email over SMTP when it is configured (SMTP_HOST and friends); otherwise nothing is sent and callers show
// what they would have emailed.
import nodemailer from "nodemailer";
import { smtpConfig } from "./env";

export type MailOutcome = "sent" | "not_configured" | "failed";

export function mailConfigured(): boolean {
  return !!smtpConfig();
}

/** Sends one plain-text email. Never throws: a mail server that is down must not lose the change that was made. */
export async function sendMail(message: { to: string; subject: string; text: string }): Promise<MailOutcome> {
  const config = smtpConfig();
  if (!config) return "not_configured";
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    auth: config.auth,
    // Someone is waiting on the page: give up in seconds rather than nodemailer's default of minutes.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  try {
    await transport.sendMail({ from: config.from, to: message.to, subject: message.subject, text: message.text });
    return "sent";
  } catch (error) {
    // The message body holds a one-time link: log what went wrong, never what was sent.
    console.error(`Email to ${message.to} could not be sent: ${(error as Error).message}`);
    return "failed";
  } finally {
    transport.close();
  }
}
