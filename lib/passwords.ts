// Password hashing with argon2id (the @node-rs/argon2 default), and the rules a new password must meet.
import { hash, verify } from "@node-rs/argon2";

export { MIN_PASSWORD_LENGTH } from "./rules/password-policy";

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// A real hash of a random string, verified against when the email is unknown so both paths take the same time.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$BJ5CAa5lhZcajRbG8d+wPw$eOcv5JbiKZj4vxDmeR/bdkVt+yuh+PQaUmvbcm9fJSw";

export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  try {
    return await verify(storedHash ?? DUMMY_HASH, password);
  } catch {
    return false;
  }
}
