// Who is on the other end of a request: the connection's own address, or, behind proxies named by TRUSTED_PROXY, the
// address the outermost trusted proxy saw. Plain JavaScript so the server (scripts/server.mjs) loads it unbuilt.
import { isIP } from "node:net";

/** The header the server alone sets on every request; lib/auth.ts clientAddress() reads nothing else. */
export const CLIENT_ADDRESS_HEADER = "x-pathways-client-address";

/** Headers a client could send to pose as someone else. Removed unless a trusted proxy stands in front. */
const FORWARDING_HEADERS = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded"];
/** Removed always: nothing here reads them, and a later change must not start trusting them by accident. */
const CLIENT_ADDRESS_CLAIMS = ["x-real-ip", "true-client-ip", "x-client-ip", "cf-connecting-ip", "fastly-client-ip", "x-cluster-client-ip"];

/**
 * TRUSTED_PROXY read: how many proxies stand in front of the server (0 when unset or empty).
 * @param {string | undefined} value
 * @returns {number}
 */
export function trustedProxyCount(value) {
  if (value === undefined || value.trim() === "") return 0;
  if (!/^\d+$/.test(value.trim()) || Number(value) > 10) {
    throw new Error(`TRUSTED_PROXY must be the number of proxies in front of Pathways (0 to 10), not "${value}".`);
  }
  return Number(value);
}

/**
 * An address as people write it: an IPv4 address Node reports in its IPv6 form ("::ffff:10.0.0.1") as IPv4.
 * @param {string} address
 */
function plain(address) {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1] : address;
}

/**
 * The client's address, as Express's `trust proxy = n` works it out: the chain is the connection's address followed
 * by the X-Forwarded-For entries from right to left; each of the `trustedProxies` nearest hops is a proxy, and the
 * next one along is the client (the leftmost entry when the chain is shorter). With no trusted proxy, X-Forwarded-For
 * is ignored: anyone can write it.
 * @param {{ socketAddress: string | undefined, forwardedFor?: string | string[] | undefined, trustedProxies: number }} request
 * @returns {string}
 */
export function resolveClientAddress({ socketAddress, forwardedFor, trustedProxies }) {
  const own = plain(socketAddress ?? "") || "unknown";
  if (trustedProxies <= 0 || !forwardedFor) return own;
  const entries = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor)
    .split(",")
    .map((e) => e.trim())
    .filter((e) => e !== "");
  const chain = [own, ...entries.reverse()];
  const hop = chain[Math.min(trustedProxies, chain.length - 1)] ?? own;
  // A proxy writes what it saw; anything that is not an address (a port, a name) is kept out of the throttle's keys.
  return isIP(plain(hop)) ? plain(hop) : own;
}

/**
 * Rewrites a request's headers before the app sees them: the resolved address in CLIENT_ADDRESS_HEADER (whatever the
 * client sent there is replaced), client claims about its address removed, and the X-Forwarded-* headers removed
 * unless a trusted proxy wrote them (Next then fills them in from the connection itself).
 * @param {{ headers: import("node:http").IncomingHttpHeaders, socket: { remoteAddress?: string } }} req
 * @param {number} trustedProxies
 */
export function stampClientAddress(req, trustedProxies) {
  const address = resolveClientAddress({
    socketAddress: req.socket.remoteAddress,
    forwardedFor: req.headers["x-forwarded-for"],
    trustedProxies,
  });
  for (const name of CLIENT_ADDRESS_CLAIMS) delete req.headers[name];
  if (trustedProxies <= 0) for (const name of FORWARDING_HEADERS) delete req.headers[name];
  req.headers[CLIENT_ADDRESS_HEADER] = address;
  return address;
}
