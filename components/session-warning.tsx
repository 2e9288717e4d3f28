"use client";
// The warning before a session ends (WCAG 2.2.1, timing adjustable; decision record 0023). The signed-in layout says how
// long the session has left; a few minutes before the end this asks the server again (another tab, or a page opened
// since, may have kept it going) and, if it is still ending, opens a dialog with "Stay signed in". When the session has
// ended the page goes to the login page, which brings the person back here afterwards; drafts of long forms are
// written first, so what was typed comes back too. Every tab does the same, and tells the others when it keeps the
// session alive or signs out.
import { useCallback, useEffect, useRef, useState } from "react";
import { usePathname } from "next/navigation";
import { staySignedInAction, type StaySignedInState } from "@/app/stay-signed-in";
import { useFormAction } from "@/components/forms/use-form-action";
import { flushDrafts } from "@/components/forms/drafts";
import { SignOutButton } from "@/components/sign-out-button";
import { hearOtherTabs, tellOtherTabs } from "@/components/session-tabs";
import { signInPath } from "@/lib/safe-redirect";
import { WARN_BEFORE_MS, timeLeftWords, type SessionEndsBy, type SessionTimeLeft } from "@/lib/rules/session";

/** While the warning is up, the server is asked again this often: another tab may have kept the session going. */
const RECHECK_WHILE_WARNING_MS = 30_000;

type SessionAnswer = ({ signedIn: true } & SessionTimeLeft) | { signedIn: false };

async function askServer(): Promise<SessionAnswer | undefined> {
  try {
    const res = await fetch("/api/session", { cache: "no-store", headers: { accept: "application/json" } });
    if (!res.ok) return undefined;
    return (await res.json()) as SessionAnswer;
  } catch {
    // Offline, or the server restarting: keep counting down on what was last known.
    return undefined;
  }
}

export function SessionWarning({ left }: { left: SessionTimeLeft }) {
  const dialog = useRef<HTMLDialogElement | null>(null);
  const stayForm = useRef<HTMLFormElement | null>(null);
  /** When the session ends by this browser's clock (worked out from the time left, never from the server's clock). */
  const endsAt = useRef(0);
  const endsBy = useRef<SessionEndsBy>(left.endsBy);
  /** What the page shows: the warning or not, the time left on it (milliseconds), and what ends the session. */
  const [view, setView] = useState({ warning: false, remaining: left.endsInSeconds * 1000, endsBy: left.endsBy });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const leaving = useRef(false);
  /** The 12-hour warning, once closed, stays closed: nothing puts that end off. */
  const dismissed = useRef(false);
  const pathname = usePathname();

  const leave = useCallback(async (signedOut: boolean) => {
    if (leaving.current) return;
    leaving.current = true;
    clearTimeout(timer.current);
    if (signedOut) return window.location.replace("/login?signedOut=1");
    await flushDrafts();
    // A full page load, not a client-side one, in place of this page in the history: nothing of it stays in memory
    // for the next person, and Back does not bring it up again.
    window.location.replace(signInPath({ expired: true, returnTo: `${window.location.pathname}${window.location.search}` }));
  }, []);

  const check = useRef<() => Promise<void>>(async () => {});

  /** What to do next, from when the session ends: wait, warn, or ask again. */
  const plan = useCallback(() => {
    clearTimeout(timer.current);
    if (leaving.current) return;
    const rest = endsAt.current - Date.now();
    const warn = rest <= WARN_BEFORE_MS;
    setView({ warning: warn && !dismissed.current, remaining: rest, endsBy: endsBy.current });
    if (!warn) {
      timer.current = setTimeout(() => void check.current(), rest - WARN_BEFORE_MS);
    } else {
      timer.current = setTimeout(() => void check.current(), Math.max(1000, Math.min(rest, RECHECK_WHILE_WARNING_MS)));
    }
  }, []);

  useEffect(() => {
    check.current = async () => {
      const answer = await askServer();
      if (answer?.signedIn === false) return leave(false);
      if (answer) {
        endsAt.current = Date.now() + answer.endsInSeconds * 1000;
        endsBy.current = answer.endsBy;
      } else if (endsAt.current <= Date.now()) {
        // No answer, and by our own count it is over.
        return leave(false);
      }
      plan();
    };
  }, [leave, plan]);

  // A fresh render of the layout says how long is left now.
  useEffect(() => {
    endsAt.current = Date.now() + left.endsInSeconds * 1000;
    endsBy.current = left.endsBy;
    plan();
    return () => clearTimeout(timer.current);
  }, [left.endsInSeconds, left.endsBy, plan]);

  // Other tabs: one kept the session going or opened a page (ask again), or signed out (leave with it).
  useEffect(
    () =>
      hearOtherTabs((message) => {
        if (message === "signed-out") void leave(true);
        else void check.current();
      }),
    [leave],
  );

  // Opening a page here uses the session: the other tabs' warnings can close.
  useEffect(() => {
    tellOtherTabs("active");
  }, [pathname]);

  // Timers sleep in a background tab: coming back to it, ask at once.
  useEffect(() => {
    const onShow = () => {
      if (document.visibilityState === "visible") void check.current();
    };
    document.addEventListener("visibilitychange", onShow);
    return () => document.removeEventListener("visibilitychange", onShow);
  }, []);

  // The countdown, while the warning is up.
  const { warning } = view;
  useEffect(() => {
    if (!warning) return;
    const tick = setInterval(() => setView((v) => ({ ...v, remaining: endsAt.current - Date.now() })), 1000);
    return () => clearInterval(tick);
  }, [warning]);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (warning && !d.open) d.showModal();
    if (!warning && d.open) d.close();
  }, [warning]);

  const { state, formProps } = useFormAction<StaySignedInState>(staySignedInAction);
  useEffect(() => {
    if (!state.ok || !state.left) return;
    endsAt.current = Date.now() + state.left.endsInSeconds * 1000;
    endsBy.current = state.left.endsBy;
    tellOtherTabs("extended");
    plan();
  }, [state, plan]);

  const dismiss = () => {
    dismissed.current = true;
    setView((v) => ({ ...v, warning: false }));
  };

  const words = timeLeftWords(Math.max(0, view.remaining));
  const idle = view.endsBy === "idle";
  return (
    <dialog
      ref={dialog}
      aria-labelledby="session-warning-title"
      aria-describedby="session-warning-time"
      className="m-auto w-[min(34rem,calc(100%-2rem))] border-0 bg-white p-6 text-nhs-text shadow-lg backdrop:bg-black/60"
      // Escape is the quickest way to say "I am still here".
      onCancel={(event) => {
        event.preventDefault();
        if (idle) stayForm.current?.requestSubmit();
        else dismiss();
      }}
    >
      <h2 id="session-warning-title" className="mb-4">
        {idle ? "You are about to be signed out" : "Your session is about to end"}
      </h2>
      <p id="session-warning-time" className="mb-4 text-lg" aria-live="polite">
        {idle ? (
          <>
            You will be signed out in <strong>{words}</strong> because nothing has been saved or opened for a while.
          </>
        ) : (
          <>
            You will be signed out in <strong>{words}</strong>: a session lasts 12 hours at most. Save your work, then
            sign in again.
          </>
        )}
      </p>
      <p className="mb-6">
        Anything you have typed in an appraisal, a career conversation, a PDP goal or a CPD entry is kept on this
        computer until you save it, and comes back when you sign in again.
      </p>
      <div className="flex flex-wrap items-center gap-4">
        {idle ? (
          <form {...formProps} ref={stayForm}>
            <button type="submit" className="btn" autoFocus>
              Stay signed in
            </button>
          </form>
        ) : (
          <button type="button" className="btn" autoFocus onClick={dismiss}>
            Close
          </button>
        )}
        <SignOutButton className="btn btn-secondary">Sign out</SignOutButton>
      </div>
    </dialog>
  );
}
