// oidc-provider ships no type definitions: these cover only what e2e/support/oidc-provider.ts uses.
declare module "oidc-provider" {
  import type { IncomingMessage, ServerResponse } from "node:http";

  export type AdapterPayload = Record<string, unknown> & { grantId?: string; uid?: string; userCode?: string; consumed?: number };

  /** Storage for the provider's artefacts (sessions, interactions, codes, tokens, grants), one instance per model name. */
  export interface Adapter {
    upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void>;
    find(id: string): Promise<AdapterPayload | undefined>;
    findByUserCode(userCode: string): Promise<AdapterPayload | undefined>;
    findByUid(uid: string): Promise<AdapterPayload | undefined>;
    consume(id: string): Promise<void>;
    destroy(id: string): Promise<void>;
    revokeByGrantId(grantId: string): Promise<void>;
  }

  export interface Account {
    accountId: string;
    claims(use: string, scope: string, claims: unknown, rejected: string[]): Promise<Record<string, unknown>>;
  }

  export class Grant {
    constructor(properties: { accountId: string; clientId: string });
    readonly accountId: string;
    readonly clientId: string;
    addOIDCScope(scope: string): void;
    save(): Promise<string>;
    static find(id: string): Promise<Grant | undefined>;
  }

  export interface OIDCContext {
    readonly provider: Provider;
    readonly client?: { readonly clientId: string };
    readonly session?: { readonly accountId?: string; grantIdFor(clientId: string): string | undefined };
    readonly account?: Account;
    readonly result?: { consent?: { grantId?: string } };
    readonly params?: Record<string, unknown>;
  }

  export interface KoaContextWithOIDC {
    readonly oidc: OIDCContext;
  }

  export interface ClientMetadata {
    client_id: string;
    client_secret?: string;
    redirect_uris?: string[];
    grant_types?: string[];
    response_types?: string[];
    token_endpoint_auth_method?: string;
    [key: string]: unknown;
  }

  export interface Configuration {
    adapter?: new (name: string) => Adapter;
    clients?: ClientMetadata[];
    jwks?: { keys: object[] };
    cookies?: { keys?: string[]; names?: Record<string, string> };
    claims?: Record<string, string[] | null>;
    scopes?: string[];
    conformIdTokenClaims?: boolean;
    subjectTypes?: Array<"public" | "pairwise">;
    pairwiseIdentifier?: (ctx: KoaContextWithOIDC, accountId: string, client: { clientId: string }) => Promise<string>;
    pkce?: { required?: (ctx: KoaContextWithOIDC, client: { clientId: string }) => boolean };
    features?: Record<string, { enabled?: boolean; [key: string]: unknown }>;
    findAccount?: (ctx: KoaContextWithOIDC, id: string, token?: unknown) => Promise<Account | undefined>;
    loadExistingGrant?: (ctx: KoaContextWithOIDC) => Promise<Grant | undefined>;
    ttl?: Record<string, number | ((...args: unknown[]) => number)>;
    renderError?: (ctx: KoaContextWithOIDC & { type: string; body: unknown }, out: Record<string, string>, error: Error) => Promise<void>;
  }

  export class Provider {
    constructor(issuer: string, configuration?: Configuration);
    readonly issuer: string;
    readonly Grant: typeof Grant;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    /** The provider needs the person (a login page): `prompt` says which prompt and why ("login_prompt": the client sent prompt=login). */
    on(event: "interaction.started", listener: (ctx: KoaContextWithOIDC, prompt: { name: string; reasons: string[] }) => void): this;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }

  export default Provider;
}
