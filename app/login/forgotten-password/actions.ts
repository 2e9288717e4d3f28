"use server";
// "Forgotten your password?": a link to choose a new one, emailed to the account's own address and never shown on
// screen (the person asking may not be its owner), with the same answer whether the address has an account or not.
// Public, like signing in; counted and audited (db/queries/password-links.ts requestPasswordReset).
import { after } from "next/server";
import { clientAddress } from "@/lib/auth";
import { emailsLinks } from "@/lib/env";
import { cleanForm, formObject } from "@/lib/forms/read";
import { formErrors, submittedValues, type FormState } from "@/lib/forms/state";
import { forgottenPasswordFields } from "@/lib/forms/sign-in";
import { emailRequestedLink } from "@/lib/password-link-delivery";
import { formatDateTime } from "@/lib/rules/dates";
import { requestPasswordReset } from "@/db/queries/password-links";
import { organisationName } from "@/db/queries/sign-in";

const NOT_EMAILING =
  "Pathways here does not send emails, so it cannot send you a link. Ask your Pathways administrator for a link to choose a new password.";

export async function askForPasswordLink(_prev: FormState, typed: FormData): Promise<FormState> {
  const form = cleanForm(typed);
  const input = forgottenPasswordFields.safeParse(formObject(form));
  if (!input.success) return formErrors(input.error, form);
  const values = submittedValues(form);
  // Links are built on APP_URL alone and go by email alone: without both, only an administrator issues one.
  if (!emailsLinks()) return { ok: false, message: NOT_EMAILING, values };

  const request = await requestPasswordReset(input.data.email, await clientAddress());
  if (request.outcome === "paused") {
    return {
      ok: false,
      message: `You have asked for several links in the last hour. Use the newest email, or ask again after ${formatDateTime(request.until)}.`,
      values,
    };
  }
  if (request.outcome === "issued") {
    const { link } = request;
    const organisation = await organisationName();
    // Sent after the answer has gone, so how long a mail server takes says nothing about whether the account exists.
    after(async () => await emailRequestedLink(link, organisation));
  }
  return { ok: true, values: { email: input.data.email } };
}
