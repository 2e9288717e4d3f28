// The production server: Next's own request handler (the documented custom-server API) behind one step of ours, which
// works out the client's address from the connection and TRUSTED_PROXY and passes it on in a header only it sets.
// `next start` cannot do this: Next copies any X-Forwarded-For a client sends and drops the connection's own address.
// npm start (scripts/start.mjs) and the e2e servers (e2e/support/trust.ts) both run this file.
import { createServer } from "node:http";
import next from "next";
import { stampClientAddress, trustedProxyCount } from "../lib/client-address.mjs";

process.env.NODE_ENV = "production";
process.env.NEXT_RUNTIME = "nodejs";

let trustedProxies;
try {
  trustedProxies = trustedProxyCount(process.env.TRUSTED_PROXY);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
const port = Number(process.env.PORT || 3000);

const app = next({ dev: false, hostname: "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  stampClientAddress(req, trustedProxies);
  handle(req, res).catch((error) => {
    console.error(`Failed to handle request for ${req.url}`, error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
server.on("error", (error) => {
  console.error("Failed to start the server", error);
  process.exit(1);
});
// Like `next start`: every interface.
server.listen(port, () => {
  const proxies = trustedProxies === 0 ? "no proxy trusted" : `${trustedProxies} trusted prox${trustedProxies === 1 ? "y" : "ies"}`;
  console.log(`Ready on port ${port} (${proxies})`);
});

// Like `next start`: stop taking connections, let requests in flight finish, close Next, then exit 128 + signal.
let stopping = false;
for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]]) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close(() => {
      app
        .close()
        .catch((error) => console.error(error))
        .finally(() => process.exit(code));
    });
    server.closeIdleConnections();
  });
}
