/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native modules stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2"],
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tsc, with the tests and scripts) before the end-to-end suite builds the
  // app, and says so with PATHWAYS_TYPECHECKED=1; the build then skips its own check of the same sources (about 28 s
  // of a clean run on 2 cores). Every other build, `npm start`'s included, still refuses code that does not type-check.
  typescript: { ignoreBuildErrors: process.env.PATHWAYS_TYPECHECKED === "1" },
  // The headers that are the same on every response, static files included. The Content-Security-Policy (a nonce per
  // request) and HSTS (from APP_URL at run time) are added by the proxy: lib/security-headers.ts, decision record 0019.
  // X-Frame-Options repeats the policy's frame-ancestors 'none' for browsers that predate it.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
