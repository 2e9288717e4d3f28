import type { Metadata } from "next";
import { connection } from "next/server";
import Link from "@/components/link";
import { HelpContact } from "@/components/help-contact";
import { StatementPage } from "@/components/statement-page";
import { privacySettings } from "@/lib/env";
import { organisationName } from "@/db/queries/sign-in";

export const metadata: Metadata = { title: "Privacy notice" };

/**
 * What Pathways holds about people and why, for the staff whose records are in it. The controller, its data protection
 * officer and its own fuller notice are the trust's to set (PRIVACY_CONTROLLER, PRIVACY_DPO_EMAIL, PRIVACY_NOTICE_URL);
 * without them the organisation Pathways was set up for is named as the controller.
 */
export default async function PrivacyPage() {
  await connection(); // the controller and contacts are this installation's settings
  const settings = privacySettings();
  const controller = settings.controller ?? await organisationName() ?? "the NHS organisation that employs you";
  return (
    <StatementPage>
      <h1 className="mb-6">Privacy notice</h1>
      <p>
        Pathways is where {controller} records the development of its allied health professions (AHP) support workforce.
        This notice says what it holds about you, why, who can see it and what your rights are.
        {settings.noticeUrl ? (
          <>
            {" "}
            It adds to <a href={settings.noticeUrl}>{controller}&rsquo;s own privacy notice for staff</a>.
          </>
        ) : null}
      </p>

      <h2>Who is responsible for your data</h2>
      <p>
        {controller} is the data controller. It decides what Pathways is used for and answers for how your data is
        handled.{" "}
        {settings.dpoEmail ? (
          <>
            You can contact its data protection officer at <a href={`mailto:${settings.dpoEmail}`}>{settings.dpoEmail}</a>.
          </>
        ) : (
          <>You can contact its data protection officer through its switchboard or its website.</>
        )}
      </p>

      <h2>What Pathways holds about you</h2>
      <ul>
        <li>your name, work email address, employee number, job title, band, profession, team, care setting, hours (FTE) and the dates you joined and left</li>
        <li>
          your development record: personal development plan, appraisals, career conversations, competency assessments and
          the evidence for them, supervision, delegated tasks, CPD and training requests, and any apprenticeship
        </li>
        <li>
          who did what and when (the audit trail), including the network address a request came from, and when you signed in
          and out
        </li>
      </ul>

      <h2>Special category data</h2>
      <p>
        If you choose to answer the equality questions in Pathways (your ethnic group, whether you have a disability or
        long-term health condition, your sex and age band), those answers about ethnicity and health are special category
        data. Answering is optional and each question can be answered &ldquo;Prefer not to say&rdquo;. Your answers are
        never shown to your manager or anyone else by name: they are used only in counts across groups of people, and a
        group too small to hide who is in it is not shown.
      </p>

      <h2>Why we use it, and the law that allows it</h2>
      <ul>
        <li>
          To support and record your development and to manage the workforce: this is part of your employment and of the
          NHS&rsquo;s public task (UK GDPR Article 6(1)(b) and (e)).
        </li>
        <li>
          To see whether development reaches everyone fairly, from the equality answers: Article 9(2)(g), substantial
          public interest, under the Data Protection Act 2018, Schedule 1, paragraph 8 (equality of opportunity or
          treatment).
        </li>
        <li>To keep records safe and show who changed them: Article 6(1)(c) and (e).</li>
      </ul>

      <h2>Who can see it</h2>
      <ul>
        <li>you, for your own record</li>
        <li>your manager, and managers of the teams you work in</li>
        <li>AHP professional leads, who read across the organisation</li>
        <li>the Pathways administrators, who look after logins and the service</li>
      </ul>
      <p>It is not sold or shared for marketing, and it stays on the servers {controller} runs or contracts for.</p>

      <h2>On this computer</h2>
      <p>
        Pathways sets only the cookies it needs to work, none for tracking: to keep you signed in (the session ends
        after 30 minutes without use and after 12 hours at most), to protect the sign-in form, to remember that this
        browser has signed in before (so that other people&rsquo;s failed attempts do not lock you out), and for a few
        minutes after you save a form, to say which draft to drop. While you type a long form, what you have typed is
        kept in this browser, locked with a key only your login can use, until you save it or sign out, and for a day at
        most.
      </p>

      <h2>How long it is kept</h2>
      <p>
        Your record is kept while you work for {controller} and afterwards for as long as its records retention schedule
        for staff development records says, in line with the NHS Records Management Code of Practice.
      </p>

      <h2>Your rights</h2>
      <p>
        You can ask for a copy of your data, ask for it to be corrected, and in some cases object to its use or ask for it
        to be restricted or erased. You can change your equality answers, or change any of them to &ldquo;Prefer not to
        say&rdquo;, at any time on the Equality monitoring page. To use any of the other rights, contact the data
        protection officer.
      </p>
      <p>
        If you are unhappy with how your data is handled, you can complain to the{" "}
        <a href="https://ico.org.uk/make-a-complaint/">Information Commissioner&rsquo;s Office</a>.
      </p>

      <h2>Help</h2>
      <p>
        <HelpContact />
      </p>
      <p>
        <Link href="/accessibility">Accessibility statement</Link>
      </p>
    </StatementPage>
  );
}
