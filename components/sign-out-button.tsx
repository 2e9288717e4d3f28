"use client";
// Signing out: the person's drafts are dropped from this browser first and their other tabs told to leave too, so the
// next person at a shared computer finds nothing of theirs.
import { logOut } from "@/app/sign-out";
import { useForgetDrafts } from "@/components/forms/drafts";
import { tellOtherTabs } from "@/components/session-tabs";

export function SignOutButton({ className, children = "Sign out" }: { className?: string; children?: React.ReactNode }) {
  const forgetDrafts = useForgetDrafts();
  return (
    <form
      action={logOut}
      onSubmit={() => {
        forgetDrafts();
        tellOtherTabs("signed-out");
      }}
    >
      <button type="submit" className={className}>
        {children}
      </button>
    </form>
  );
}
