import type { Metadata } from "next";
import { connection } from "next/server";
import Link from "@/components/link";
import { HelpContact } from "@/components/help-contact";
import { StatementPage } from "@/components/statement-page";
import { appUrl } from "@/lib/env";
import { organisationName } from "@/db/queries/sign-in";

export const metadata: Metadata = { title: "Accessibility statement" };

// The statement follows the model accessibility statement for public sector websites (GOV.UK, 2024 edition). The date
// it was prepared is the date this text was last checked against the service, not the date anyone reads it.
const PREPARED = "6 December 2026";

export default async function AccessibilityPage() {
  await connection(); // the address and the help contact are this installation's settings
  const organisation = await organisationName() ?? "The organisation that runs this service";
  const address = appUrl();
  return (
    <StatementPage>
      <h1 className="mb-6">Accessibility statement for Pathways</h1>
      <p>
        This statement applies to Pathways{address ? <> at {address}</> : null}, the service {organisation} uses to record
        the development of its allied health support workers: personal development plans, appraisals, career conversations,
        competencies, CPD and apprenticeships.
      </p>
      <p>
        {organisation} runs it. We want as many people as possible to be able to use it. For example, you should be able to:
      </p>
      <ul>
        <li>change colours, contrast levels and fonts using your browser or device settings</li>
        <li>zoom in up to 400% without the text spilling off the screen</li>
        <li>use it on a phone, in portrait or landscape</li>
        <li>get around it using just a keyboard, and see where the keyboard focus is</li>
        <li>use it with speech recognition software</li>
        <li>listen to it using a screen reader (including recent versions of NVDA, JAWS and VoiceOver)</li>
        <li>
          get more time when your session is about to end: you are warned 5 minutes before, with a button to stay signed
          in, and what you typed in a long form is kept until you save it
        </li>
      </ul>
      <p>
        AbilityNet has <a href="https://mcmw.abilitynet.org.uk/">advice on making your device easier to use</a> if you have
        a disability.
      </p>

      <h2>How accessible this service is</h2>
      <p>We know some parts are not fully accessible:</p>
      <ul>
        <li>the charts in Insights are drawings of the figures; each has a table beside it with the same figures</li>
        <li>documents printed or saved as PDF from the browser are not tagged for screen readers</li>
        <li>a CSV download opens in whatever spreadsheet program you use, which has its own accessibility</li>
      </ul>

      <h2>Feedback and contact information</h2>
      <p>
        If you need information in a different format, or find a problem not listed on this page, tell us.{" "}
        <HelpContact lead="Contact" /> We will reply within 5 working days.
      </p>

      <h2>Enforcement procedure</h2>
      <p>
        The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and
        Mobile Applications) (No. 2) Accessibility Regulations 2018 (the &lsquo;accessibility regulations&rsquo;). If you
        are not happy with how we respond to your complaint, contact the{" "}
        <a href="https://www.equalityadvisoryservice.com/">Equality Advisory and Support Service (EASS)</a>.
      </p>

      <h2>Technical information about this service&rsquo;s accessibility</h2>
      <p>
        {organisation} is committed to making this service accessible, in accordance with the accessibility regulations.
      </p>
      <h3 className="mb-2">Compliance status</h3>
      <p>
        This service is partially compliant with the{" "}
        <a href="https://www.w3.org/TR/WCAG22/">Web Content Accessibility Guidelines version 2.2</a> AA standard, due to the
        non-compliances listed below.
      </p>
      <h3 className="mb-2">Non-accessible content</h3>
      <ul>
        <li>
          Printed and saved PDF documents are not tagged (WCAG 1.3.1 Info and relationships). The same records can be read
          on screen.
        </li>
      </ul>

      <h2>How we tested this service</h2>
      <p>
        Every page the automated tests open is checked with axe-core against the WCAG 2.2 A and AA rules, and must pass.
        The main pages are also checked to fit a phone screen 360 pixels wide without scrolling sideways.
      </p>

      <h2>Preparation of this accessibility statement</h2>
      <p>This statement was prepared on {PREPARED}. It is reviewed with each release that changes how people use the service.</p>
      <p>
        <Link href="/privacy">Privacy notice</Link>
      </p>
    </StatementPage>
  );
}
