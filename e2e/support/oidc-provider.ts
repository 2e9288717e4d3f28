// A real OpenID Connect provider on loopback, standing in for Microsoft Entra ID in the single-sign-on e2e test.
// It uses oidc-provider's built-in development login page: type any account's login name and any password.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import Provider, { type Adapter, type AdapterPayload, type KoaContextWithOIDC } from "oidc-provider";

export type OidcAccount = { sub: string; email: string; name: string };

export type OidcProviderOptions = {
  port: number;
  clientId: string;
  clientSecret: string;
  /** Every address the client may be sent back to. */
  redirectUris: string[];
  /** Keyed by the login name typed on the provider's login page. */
  accounts: Record<string, OidcAccount>;
};

/** An in-memory store for this provider only (the library's own one is shared by every instance and warns on start). */
function memoryAdapter(): new (model: string) => Adapter {
  const store = new Map<string, { payload: AdapterPayload; expiresAt: number }>();
  const live = (key: string) => {
    const entry = store.get(key);
    if (entry && entry.expiresAt <= Date.now()) store.delete(key);
    return store.get(key)?.payload;
  };
  return class MemoryAdapter implements Adapter {
    constructor(private readonly model: string) {}
    private key = (id: string) => `${this.model}:${id}`;
    private findBy(field: "uid" | "userCode", value: string) {
      for (const key of store.keys()) {
        if (!key.startsWith(`${this.model}:`)) continue;
        const payload = live(key);
        if (payload?.[field] === value) return payload;
      }
      return undefined;
    }
    async upsert(id: string, payload: AdapterPayload, expiresIn?: number) {
      store.set(this.key(id), { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : Infinity });
    }
    async find(id: string) {
      return live(this.key(id));
    }
    async findByUid(uid: string) {
      return this.findBy("uid", uid);
    }
    async findByUserCode(userCode: string) {
      return this.findBy("userCode", userCode);
    }
    async consume(id: string) {
      const payload = live(this.key(id));
      if (payload) payload.consumed = Math.floor(Date.now() / 1000);
    }
    async destroy(id: string) {
      store.delete(this.key(id));
    }
    async revokeByGrantId(grantId: string) {
      for (const [key, entry] of store) if (entry.payload.grantId === grantId) store.delete(key);
    }
  };
}

/** Listens on both loopback addresses, since "localhost" may resolve to either for the browser or the app's fetch. */
async function listen(handler: ReturnType<Provider["callback"]>, port: number): Promise<Server[]> {
  const servers: Server[] = [];
  for (const host of ["127.0.0.1", "::1"]) {
    const server = createServer(handler);
    try {
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          server.off("error", reject);
          resolve();
        });
      });
      servers.push(server);
    } catch (error) {
      // No IPv6 loopback here: 127.0.0.1 alone is enough.
      const code = (error as NodeJS.ErrnoException).code;
      if (host === "::1" && (code === "EADDRNOTAVAIL" || code === "EAFNOSUPPORT")) continue;
      await Promise.all(servers.map(close));
      throw error;
    }
  }
  return servers;
}

function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // Keep-alive connections from the browser or the app would otherwise hold close() open.
    server.closeAllConnections();
  });
}

/** An interaction the provider began (its login page), and why: "login_prompt" among the reasons when the client sent prompt=login. */
export type OidcInteraction = { prompt: string; reasons: string[]; loginHint?: string };

export async function startOidcProvider(
  opts: OidcProviderOptions,
): Promise<{ issuer: string; interactions: OidcInteraction[]; close(): Promise<void> }> {
  const issuer = `http://localhost:${opts.port}`;
  const account = (loginName: string) => (Object.hasOwn(opts.accounts, loginName) ? opts.accounts[loginName] : undefined);

  // A fresh signing key per run (the library's built-in development keys are public and it warns about them).
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const signingKey = { ...privateKey.export({ format: "jwk" }), use: "sig", alg: "RS256", kid: "pathways-e2e" };

  const provider = new Provider(issuer, {
    adapter: memoryAdapter(),
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    clients: [
      {
        client_id: opts.clientId,
        client_secret: opts.clientSecret,
        redirect_uris: opts.redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        // Auth.js sends HTTP Basic; oidc-provider also accepts client_secret_post for a client registered this way.
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    scopes: ["openid", "profile", "email"],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "preferred_username"] },
    // Like Entra ID, put the profile and email claims in the ID token too: Auth.js reads the profile from it, not from userinfo.
    conformIdTokenClaims: false,
    // The session's account id is the login name typed on the dev login page; `sub` is the account's own subject
    // (Entra ID's `sub` is per application too). No `tid` claim: Auth.js would then rediscover a Microsoft tenant.
    subjectTypes: ["pairwise"],
    pairwiseIdentifier: async (_ctx, accountId) => account(accountId)?.sub ?? accountId,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    // Any login name signs in, as the dev login page promises; a name not in opts.accounts has no email address
    // (so Pathways turns it away) rather than failing inside the provider with a bare server_error page.
    async findAccount(_ctx, id) {
      const found = account(id);
      return {
        accountId: id,
        async claims() {
          if (!found) return { sub: id, name: id };
          return { sub: id, email: found.email, email_verified: true, name: found.name, preferred_username: found.email };
        },
      };
    },
    // No consent screen: the client is granted the OpenID scopes it asks for, as an admin-consented Entra app would be.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const { oidc } = ctx;
      const clientId = oidc.client?.clientId;
      const accountId = oidc.session?.accountId;
      if (!clientId || !accountId) return undefined;
      const grantId = oidc.result?.consent?.grantId ?? oidc.session?.grantIdFor(clientId);
      const existing = grantId ? await oidc.provider.Grant.find(grantId) : undefined;
      if (existing) return existing;
      const grant = new oidc.provider.Grant({ accountId, clientId });
      grant.addOIDCScope("openid profile email");
      await grant.save();
      return grant;
    },
  });

  // Otherwise a failure inside the provider shows only as "oops! something went wrong" in the browser.
  provider.on("server_error", (_ctx, error) => console.error("OIDC provider server_error:", error));
  // What the provider itself made of each authorization request that needed the person, for tests to check.
  const interactions: OidcInteraction[] = [];
  provider.on("interaction.started", (ctx, prompt) => {
    const loginHint = ctx.oidc.params?.login_hint;
    interactions.push({ prompt: prompt.name, reasons: [...prompt.reasons], ...(typeof loginHint === "string" ? { loginHint } : {}) });
  });

  const servers = await listen(provider.callback(), opts.port);
  let closing: Promise<unknown> | undefined;
  return {
    issuer,
    interactions,
    async close() {
      closing ??= Promise.all(servers.map(close));
      await closing;
    },
  };
}
