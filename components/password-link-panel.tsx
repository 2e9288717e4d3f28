"use client";
// The one time a set-password link is shown: the link to copy, when it expires, and whether it was also emailed.
import { useEffect, useRef, useState } from "react";
import type { DeliveredLink } from "@/lib/rules/password-links";
import { LINK_LIFETIME_HOURS } from "@/lib/rules/link-lifetime";

/**
 * `link.url` is there for an administrator only; anyone else sees `message`, saying how the link reached its owner
 * (lib/rules/password-links.ts showsLinkOnScreen).
 */
export function PasswordLinkPanel({ link, heading, message }: { link: DeliveredLink; heading: string; message?: string }) {
  const ref = useRef<HTMLElement>(null);
  const [copied, setCopied] = useState<"yes" | "no" | undefined>();
  // Focus moves here when the link appears, so a screen-reader user hears that it worked.
  useEffect(() => ref.current?.focus(), [link.url, link.email]);

  if (!link.url) {
    return (
      <section ref={ref} tabIndex={-1} aria-labelledby="link-heading" className={`card mb-6 border-l-8 ${link.emailed === "sent" ? "border-l-nhs-green" : "border-l-nhs-warm-yellow"}`}>
        <h2 id="link-heading" className="mb-3">
          {heading}
        </h2>
        <p>{message}</p>
      </section>
    );
  }
  const url = link.url;

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied("yes");
    } catch {
      setCopied("no");
    }
  }

  return (
    <section ref={ref} tabIndex={-1} aria-labelledby="link-heading" className="card mb-6 border-l-8 border-l-nhs-green">
      <h2 id="link-heading" className="mb-3">
        {heading}
      </h2>
      <p className="mb-3">
        Send {link.name} this link so they can choose their password. It works once, and expires on{" "}
        <strong>{link.expiresAt}</strong> ({LINK_LIFETIME_HOURS} hours from now).
      </p>
      {link.emailed === "sent" ? (
        <p className="mb-3">We have also emailed it to {link.email}.</p>
      ) : link.emailed === "failed" ? (
        <p className="mb-3 font-semibold">The email to {link.email} could not be sent. Copy the link and send it to them yourself.</p>
      ) : (
        <p className="mb-3">Email is not set up here, so copy the link and send it to {link.email} yourself.</p>
      )}
      <label htmlFor="set-password-link" className="label">
        Set-password link for {link.email}
      </label>
      <input
        id="set-password-link"
        readOnly
        value={url}
        onFocus={(e) => e.currentTarget.select()}
        className="input mb-3 font-mono text-sm"
        spellCheck={false}
      />
      <div className="flex flex-wrap items-center gap-4">
        <button type="button" className="btn btn-secondary" onClick={copy}>
          Copy link
        </button>
        <span aria-live="polite" className="font-semibold">
          {copied === "yes" ? "Link copied" : copied === "no" ? "Could not copy: select the link and copy it yourself" : ""}
        </span>
      </div>
      <p className="mt-4 text-nhs-secondary">This is the only time the link is shown. If it is lost, create a new one.</p>
    </section>
  );
}
