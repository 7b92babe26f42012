import { z } from "zod";
import { email, httpUrl, password } from "../primitives";
import { AuthUser, authUserExample } from "./user";

export const ACCESS_TOKEN_TTL_SECONDS = 3600;

/** Tokens plus the user: the answer of login, refresh, and register without email verification. */
export const TokenResponse = z
  .object({
    access_token: z.string().describe("JWT access token, valid for 1 hour"),
    refresh_token: z.string().describe("JWT refresh token"),
    token_type: z.literal("Bearer"),
    expires_in: z.number().int().positive().describe("Seconds until the access token expires"),
    user: AuthUser,
  })
  .meta({ title: "TokenResponse" });
export type TokenResponse = z.infer<typeof TokenResponse>;

export const tokenResponseExample: TokenResponse = {
  access_token: "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI1NTBlODQwMCJ9.signature",
  refresh_token: "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ0eXAiOiJyZWZyZXNoIn0.signature",
  token_type: "Bearer",
  expires_in: ACCESS_TOKEN_TTL_SECONDS,
  user: authUserExample,
};

/** Register's answer when the tenant requires email verification: no tokens. */
export const VerificationRequiredResponse = z
  .object({
    message: z.string(),
    verification_required: z.literal(true),
  })
  .meta({ title: "VerificationRequiredResponse" });

export const RegisterRequest = z.object({
  email: email().describe("The user's email address"),
  password: password().describe("At least 8 characters with an upper-case letter, a lower-case letter and a digit"),
  display_name: z.string().max(100).optional().describe("Name shown in the app"),
  locale: z.string().min(2).max(10).default("en").describe("Preferred locale"),
  return_to: httpUrl()
    .optional()
    .describe("Frontend URL the verification email links back to, e.g. https://app.example.com/verify-email"),
});

export const LoginRequest = z.object({
  email: email(),
  password: z.string().min(1).max(128),
});

export const RefreshRequest = z.object({ refresh_token: z.string().min(1).describe("Refresh token from login") });
export const EmailRequest = z.object({ email: email() });
export const TokenRequest = z.object({ token: z.string().min(1).describe("Token from the email link") });
export const ResetPasswordRequest = z.object({
  token: z.string().min(1).describe("Token from the reset email link"),
  new_password: password().describe("Same rule as registration"),
});
export const ChangePasswordRequest = z.object({
  current_password: z.string().min(1).max(128),
  new_password: password().describe("Same rule as registration"),
});

export const OAuthProvider = z.object({
  provider: z.string().describe("Provider id, e.g. google"),
  name: z.string().describe("Display name, e.g. Google"),
});
export const ProvidersResponse = z.object({ providers: z.array(OAuthProvider) }).meta({ title: "ProvidersResponse" });
