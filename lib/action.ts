import "server-only";
// The one pipeline every signed-in server action goes through: who (roles), which records (bound ids), what was typed
// (the form's schema), the data layer's answer, then refresh and go on. Decision record 0015 says why.
import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import type { z } from "zod";
import { clientAddress, presentedDevices, requireRole } from "./auth";
import { failed, formErrors, type FormState } from "./forms/state";
import { cleanForm, formObject } from "./forms/read";
import { todayInLondon } from "./rules/dates";
import type { Role } from "./vocabulary";
import type { SessionUser } from "./session-user";
import { signingProof, type Signature } from "./rules/signature";
import { DRAFT_FIELD, SAVED_DRAFT_COOKIE, isDraftName } from "./forms/drafts";
import type { Refusal } from "@/db/result";
import { checkCredentials } from "@/db/queries/sign-in";

/** A path to refresh; `layout` refreshes every page under it. */
export type Refresh = string | { path: string; type: "layout" | "page" };

type AnyTuple = z.ZodTuple<readonly z.ZodType[], null>;
type Answer = { ok: true } | Refusal;
/** The bound arguments as pages pass them: any string where an id or a choice is expected; the pipeline checks them. */
type Bound<T> = { [K in keyof T]: T[K] extends string ? string : T[K] };
type Input<In> = In extends z.ZodType ? z.output<In> : undefined;

/**
 * What each step sees: the acting user, the checked ids, the checked input, today's date in London, the raw form, and
 * for a signature, how the signer proved it was them.
 */
export type ActionContext<Ids, In> = { user: SessionUser; ids: Ids; input: In; today: string; form: FormData; signature?: Signature };
type Before<Ids> = Omit<ActionContext<Ids, undefined>, "input">;
type After<Ids, In, Ok> = ActionContext<Ids, In> & { result: Ok };

export type ActionSpec<IdsS extends AnyTuple, In extends z.ZodType | undefined, R extends Answer, S extends FormState> = {
  /** Who may call it at all, checked first. Anyone else gets 404 (a signed-out visitor goes to the login page). */
  roles: readonly [Role, ...Role[]];
  /** The arguments the page binds (`action.bind(null, workerId, …)`). A malformed one is a 404. */
  ids?: IdsS;
  /** The form's schema, or a function making it (when it depends on today or on a record). */
  input?: In | ((ctx: Before<z.output<IdsS>>) => In | Promise<In>);
  /** How the form is read into the schema. Default: `formObject(form, lists)`. */
  read?: (form: FormData) => unknown;
  /** Fields sent more than once (checkbox groups), read as lists by the default reader. */
  lists?: readonly string[];
  /** The state when the form does not pass its schema. Default: the fields' messages with what was typed. */
  invalid?: (form: FormData, error: z.ZodError) => NoInfer<S>;
  /** Runs before the form is checked; a state it returns is the answer (a button that adds a row, saving nothing). */
  before?: (ctx: Before<z.output<IdsS>>) => NoInfer<S> | undefined;
  /** A signature: the signer proves it is them before anything changes (use `defineSignature`). */
  reauthenticate?: boolean;
  /** The data-layer call. It decides access to the record; `not_found` becomes a 404. */
  run: (ctx: ActionContext<z.output<IdsS>, Input<In>>) => R | Promise<R>;
  /** The pages to refresh after a change. */
  revalidate: (ctx: After<z.output<IdsS>, Input<In>, Extract<R, { ok: true }>>) => Refresh[];
  /** Where to go next; undefined stays on the page. Called outside any try/catch: Next's redirect must propagate. */
  redirect?: (ctx: After<z.output<IdsS>, Input<In>, Extract<R, { ok: true }>>) => string | undefined;
  /** The state after a change that stays on the page: a message, or a function making it (an async one may widen the state, as with a one-time link). */
  done?: string | ((ctx: After<z.output<IdsS>, Input<In>, Extract<R, { ok: true }>>) => NoInfer<S> | Promise<S>);
};

/** The form state for a refusal: its message, on its field when it names one, with what was typed kept. */
export function refusalState(form: FormData, refusal: Refusal): FormState {
  if (refusal.code === "not_found") notFound();
  const fieldErrors = refusal.fieldErrors ?? (refusal.field ? { [refusal.field]: refusal.message } : undefined);
  return failed(form, refusal.message, fieldErrors);
}

const REAUTH_MESSAGE = "Enter your password to confirm it is you";
export const SIGN_ON_AGAIN_MESSAGE = "Sign in again with your organisation account to confirm it is you, then sign";

/**
 * The signer's proof: their password typed again in the same form, or a single sign-on made in the last few minutes
 * (lib/rules/signature.ts). A wrong password counts towards the sign-in throttle like any other.
 */
async function reauthenticated(user: SessionUser, form: FormData): Promise<Signature | FormState> {
  const at = new Date();
  const proof = signingProof(user, at);
  if (proof.kind === "fresh_sign_on") return { reauthenticated: "single_sign_on", at };
  if (proof.kind === "sign_on_again") return failed(form, SIGN_ON_AGAIN_MESSAGE);
  const password = form.get("password");
  if (typeof password !== "string" || password === "") return failed(form, REAUTH_MESSAGE, { password: REAUTH_MESSAGE });
  const check = await checkCredentials(user.email, password, await clientAddress(), undefined, {
    devices: await presentedDevices(),
    purpose: "reauthenticate",
  });
  if (check.ok && check.user.id === user.id) return { reauthenticated: "password", at };
  const message = check.ok || check.reason === "invalid" ? "The password is not right" : "Too many unsuccessful attempts. Try again later.";
  return failed(form, message, { password: message });
}

/**
 * A form that keeps a draft in the browser names it (components/forms/drafts.tsx); once the form is saved, a short
 * cookie tells the browser to drop it, whether the action stays on the page or redirects elsewhere. Only the name
 * travels, never what was typed.
 */
async function draftSaved(form: FormData): Promise<void> {
  const name = form.get(DRAFT_FIELD);
  if (!isDraftName(name)) return;
  (await cookies()).set(SAVED_DRAFT_COOKIE, name, { path: "/", sameSite: "strict", maxAge: 300 });
}

/**
 * Makes a server action with the `(…boundIds, prev, form) => Promise<state>` shape `useActionState` expects.
 * The steps, in order: roles; bound ids; the form; the password again if asked; the data layer; refresh; redirect.
 */
export function defineAction<
  IdsS extends AnyTuple = z.ZodTuple<[], null>,
  In extends z.ZodType | undefined = undefined,
  R extends Answer = Answer,
  S extends FormState = FormState,
>(spec: ActionSpec<IdsS, In, R, S>): (...args: [...Bound<z.input<IdsS>>, S, FormData]) => Promise<S> {
  return async (...args) => {
    const user = await requireRole(...spec.roles);
    const form = cleanForm(args[args.length - 1] as FormData);
    const bound = args.slice(0, -2);
    const parsedIds = spec.ids ? spec.ids.safeParse(bound) : { success: bound.length === 0, data: [] };
    if (!parsedIds.success) notFound();
    const ids = parsedIds.data as z.output<IdsS>;
    const today = todayInLondon();
    const base = { user, ids, today, form };

    const early = spec.before?.(base);
    if (early) return early;

    let input = undefined as Input<In>;
    if (spec.input) {
      const schema = typeof spec.input === "function" ? await (spec.input as (ctx: Before<z.output<IdsS>>) => In | Promise<In>)(base) : spec.input;
      const parsed = (schema as z.ZodType).safeParse(spec.read ? spec.read(form) : formObject(form, spec.lists));
      if (!parsed.success) return spec.invalid ? spec.invalid(form, parsed.error) : (formErrors(parsed.error, form) as S);
      input = parsed.data as Input<In>;
    }

    let signature: Signature | undefined;
    if (spec.reauthenticate) {
      const proof = await reauthenticated(user, form);
      if (!("reauthenticated" in proof)) return proof as S;
      signature = proof;
    }

    const ctx = { ...base, input, signature };
    const result = await spec.run(ctx);
    if (!result.ok) return refusalState(form, result as Refusal) as S;
    await draftSaved(form);

    const after = { ...ctx, result: result as Extract<R, { ok: true }> };
    for (const refresh of spec.revalidate(after)) {
      if (typeof refresh === "string") revalidatePath(refresh);
      else revalidatePath(refresh.path, refresh.type);
    }
    const to = spec.redirect?.(after);
    if (to) redirect(to);
    if (typeof spec.done === "function") return spec.done(after);
    return (spec.done === undefined ? { ok: true } : { ok: true, message: spec.done }) as S;
  };
}

/**
 * A signature (an appraisal, a PDP version, a competency sign-off): an action whose data-layer call receives how the
 * signer proved it was them, to record on the audit row. The form carries `<SignatureField>`.
 */
export function defineSignature<
  IdsS extends AnyTuple = z.ZodTuple<[], null>,
  In extends z.ZodType | undefined = undefined,
  R extends Answer = Answer,
  S extends FormState = FormState,
>(
  spec: Omit<ActionSpec<IdsS, In, R, S>, "reauthenticate" | "run"> & {
    run: (ctx: ActionContext<z.output<IdsS>, Input<In>> & { signature: Signature }) => R | Promise<R>;
  },
): (...args: [...Bound<z.input<IdsS>>, S, FormData]) => Promise<S> {
  return defineAction<IdsS, In, R, S>({
    ...spec,
    reauthenticate: true,
    run: async (ctx) => {
      // defineAction sets the signature whenever reauthenticate is on; this is the type saying so.
      if (!ctx.signature) throw new Error("A signature reached its data-layer call without proof of who signed");
      return await spec.run({ ...ctx, signature: ctx.signature });
    },
  });
}
