// What one tab tells the others about the session they share (components/session-warning.tsx): it was just used or
// kept alive (ask the server again), or its person signed out (leave too).
export const SESSION_CHANNEL = "pathways-session";

export type SessionMessage = "active" | "extended" | "signed-out";

export function tellOtherTabs(message: SessionMessage): void {
  if (typeof BroadcastChannel === "undefined") return;
  const channel = new BroadcastChannel(SESSION_CHANNEL);
  channel.postMessage(message);
  channel.close();
}
