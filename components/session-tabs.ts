// What one tab tells the others about the session they share (components/session-warning.tsx): it was just used or
// kept alive (ask the server again), or its person signed out (leave too). One channel per page, for sending and
// hearing alike: a channel never hears its own messages, so a page does not act on what it said itself (a sign-out
// heard by its own page would navigate to the login page before the sign-out had finished).
const SESSION_CHANNEL = "pathways-session";

export type SessionMessage = "active" | "extended" | "signed-out";

let channel: BroadcastChannel | undefined;

function sessionChannel(): BroadcastChannel | undefined {
  if (typeof BroadcastChannel === "undefined") return undefined;
  channel ??= new BroadcastChannel(SESSION_CHANNEL);
  return channel;
}

export function tellOtherTabs(message: SessionMessage): void {
  sessionChannel()?.postMessage(message);
}

/** Hears the other tabs; returns the function that stops listening. */
export function hearOtherTabs(listener: (message: SessionMessage) => void): () => void {
  const c = sessionChannel();
  if (!c) return () => {};
  const onMessage = (event: MessageEvent<SessionMessage>) => listener(event.data);
  c.addEventListener("message", onMessage);
  return () => c.removeEventListener("message", onMessage);
}
