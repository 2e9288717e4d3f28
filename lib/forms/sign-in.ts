// The forms used before anyone is signed in: the login form and the first administrator's setup form.
import { z } from "zod";
import { emailAddress } from "../form-text";
import { MIN_PASSWORD_LENGTH } from "../rules/password-policy";

export const loginFields = z.object({
  email: emailAddress("Enter your email address"),
  password: z.string().min(1, "Enter your password").max(1000, "Password must be 1000 characters or fewer"),
  callbackUrl: z.string().optional(),
});

/** "Forgotten your password?": the email address alone. */
export const forgottenPasswordFields = loginFields.pick({ email: true });

export const setupFields = z
  .object({
    organisation: z.string().trim().min(2, "Enter your organisation's name").max(160, "Organisation name must be 160 characters or fewer"),
    name: z.string().trim().min(1, "Enter your full name").max(120, "Name must be 120 characters or fewer"),
    email: emailAddress("Enter your email address"),
    password: z
      .string()
      .min(MIN_PASSWORD_LENGTH, `Password must be at least ${MIN_PASSWORD_LENGTH} characters`)
      .max(200, "Password must be 200 characters or fewer"),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The passwords do not match" });
