// How long this browser's session has left, for the warning before it ends (components/session-warning.tsx). Asking
// does not count as using the session, so the page asking every few minutes keeps nobody signed in. Public: without a
// session the answer is that there is none; with one, it is about that session alone.
import { NextResponse } from "next/server";
import { currentSessionTimeLeft } from "@/lib/auth";

export async function GET(): Promise<NextResponse> {
  const left = await currentSessionTimeLeft();
  return NextResponse.json(left ? { signedIn: true, ...left } : { signedIn: false }, { headers: { "Cache-Control": "no-store" } });
}
