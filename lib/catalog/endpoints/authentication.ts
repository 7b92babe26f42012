import { z } from "zod";
import { defineEndpoint } from "../define";
import { httpUrl, MessageResponse } from "../primitives";
import {
  ChangePasswordRequest,
  EmailRequest,
  LoginRequest,
  ProvidersResponse,
  RefreshRequest,
  RegisterRequest,
  ResetPasswordRequest,
  TokenRequest,
  TokenResponse,
  tokenResponseExample,
  VerificationRequiredResponse,
} from "../schemas/auth";
import { AuthUser, authUserExample } from "../schemas/user";

const category = "authentication";
const apiKey = { keys: ["public", "secret"], jwt: "none" } as const;
const apiKeyAndJwt = { keys: ["public", "secret"], jwt: "required" } as const;

const message = (text: string) => ({
  status: 200,
  description: "Success",
  schema: MessageResponse,
  examples: [{ name: "ok", value: { message: text } }],
});

export const authenticationEndpoints = [
  defineEndpoint({
    category,
    slug: "register",
    method: "POST",
    path: "/v1/auth/register",
    summary: "Register a new user",
    description:
      "Creates an end-user account in the tenant. What comes back depends on the tenant's email-verification setting: without verification the user is signed in at once and receives tokens; with verification no tokens are returned and the user must verify the email, then log in.",
    auth: apiKey,
    rateLimit: { count: 3, windowSeconds: 3600, scope: "ip", blockSeconds: 1800 },
    body: {
      contentType: "application/json",
      schema: RegisterRequest,
      examples: [
        {
          name: "register",
          value: {
            email: "user@example.com",
            password: "SecurePass123",
            display_name: "John Doe",
            return_to: "https://myapp.com/verify-email",
          },
        },
      ],
    },
    responses: [
      {
        status: 201,
        description:
          "Registered. Tokens when the tenant does not require email verification; otherwise a verification_required answer without tokens.",
        schema: z.union([TokenResponse, VerificationRequiredResponse]),
        examples: [
          { name: "no_verification", summary: "Email verification disabled: signed in", value: tokenResponseExample },
          {
            name: "verification_required",
            summary: "Email verification enabled: no tokens",
            value: {
              message: "Registration successful. Please check your email to verify your account.",
              verification_required: true,
            },
          },
        ],
      },
    ],
    errors: [
      { status: 409, detail: "User already exists", when: "An account with this email already exists in the tenant." },
    ],
    notes: [
      "The response depends on whether the tenant has email verification enabled. When verification is required, no tokens are returned: the user must verify the email first, then log in. Check for verification_required: true to show the right screen.",
    ],
    keywords: ["sign up", "signup", "create account", "new user", "onboarding", "email verification"],
  }),
  defineEndpoint({
    category,
    slug: "login",
    method: "POST",
    path: "/v1/auth/login",
    summary: "Login with email and password",
    description: "Exchanges an email and password for an access token (1 hour), a refresh token and the user.",
    auth: apiKey,
    rateLimit: { count: 10, windowSeconds: 900, scope: "ip", blockSeconds: 900 },
    body: {
      contentType: "application/json",
      schema: LoginRequest,
      examples: [{ name: "login", value: { email: "user@example.com", password: "SecurePass123" } }],
    },
    responses: [
      {
        status: 200,
        description: "Signed in",
        schema: TokenResponse,
        examples: [{ name: "ok", value: tokenResponseExample }],
      },
    ],
    errors: [
      { status: 401, detail: "Invalid email or password", when: "The email is unknown or the password is wrong." },
      {
        status: 403,
        detail: "Email not verified",
        when: "The tenant requires email verification and the user has not verified yet.",
        source: "implied",
      },
      { status: 403, detail: "User account is inactive", when: "The user was deactivated.", source: "implied" },
    ],
    keywords: ["sign in", "signin", "log in", "authenticate", "session", "password", "token", "jwt"],
  }),
  defineEndpoint({
    category,
    slug: "refresh",
    method: "POST",
    path: "/v1/auth/refresh",
    summary: "Refresh access token using refresh token",
    description: "Trades a refresh token for a new access token. The same refresh token is returned.",
    auth: apiKey,
    body: {
      contentType: "application/json",
      schema: RefreshRequest,
      examples: [{ name: "refresh", value: { refresh_token: tokenResponseExample.refresh_token } }],
    },
    responses: [
      {
        status: 200,
        description: "New access token; the same refresh token is returned",
        schema: TokenResponse,
        examples: [{ name: "ok", value: tokenResponseExample }],
      },
    ],
    errors: [
      {
        status: 401,
        detail: "Invalid refresh token",
        when: "The refresh token is malformed, expired or revoked: send the user to login.",
      },
    ],
    notes: [
      "Refresh when a request answers 401 or shortly before expires_in runs out; keep a single refresh in flight and retry the failed request once.",
    ],
    keywords: ["renew", "token expired", "session", "jwt", "refresh token", "401"],
  }),
  defineEndpoint({
    category,
    slug: "me",
    method: "GET",
    path: "/v1/auth/me",
    summary: "Get current authenticated user info",
    description: "Returns the user that the access token belongs to.",
    auth: apiKeyAndJwt,
    responses: [
      {
        status: 200,
        description: "The current user",
        schema: AuthUser,
        examples: [{ name: "ok", value: authUserExample }],
      },
    ],
    keywords: ["current user", "profile", "whoami", "session", "who am i"],
  }),
  defineEndpoint({
    category,
    slug: "logout",
    method: "POST",
    path: "/v1/auth/logout",
    summary: "Logout (invalidates token on client side)",
    description: "Ends the session. The client must discard its stored access and refresh tokens.",
    auth: apiKeyAndJwt,
    responses: [message("Successfully logged out")],
    keywords: ["sign out", "signout", "log out", "end session"],
  }),
  defineEndpoint({
    category,
    slug: "forgot-password",
    method: "POST",
    path: "/v1/auth/forgot-password",
    summary: "Request password reset email",
    description: "Sends a password-reset email with a one-time token to the address, if an account exists.",
    auth: apiKey,
    rateLimit: { count: 3, windowSeconds: 3600, scope: "ip", blockSeconds: 1800 },
    body: {
      contentType: "application/json",
      schema: EmailRequest,
      examples: [{ name: "forgot", value: { email: "user@example.com" } }],
    },
    responses: [message("Password reset email sent")],
    notes: ["Always returns success even if the email does not exist, so that accounts cannot be discovered."],
    keywords: ["forgot password", "reset password", "lost password", "recover account", "password recovery"],
  }),
  defineEndpoint({
    category,
    slug: "reset-password",
    method: "POST",
    path: "/v1/auth/reset-password",
    summary: "Reset password using token from email",
    description: "Sets a new password using the token from the reset email.",
    auth: apiKey,
    body: {
      contentType: "application/json",
      schema: ResetPasswordRequest,
      examples: [{ name: "reset", value: { token: "reset-token-from-email", new_password: "NewSecurePass123" } }],
    },
    responses: [message("Password reset successfully")],
    errors: [
      {
        status: 400,
        detail: "Invalid or expired reset token",
        when: "The token is unknown, already used or expired.",
        source: "implied",
      },
    ],
    keywords: ["new password", "password recovery", "reset token"],
  }),
  defineEndpoint({
    category,
    slug: "change-password",
    method: "POST",
    path: "/v1/auth/change-password",
    summary: "Change password for authenticated user",
    description: "Changes the signed-in user's password after checking the current one.",
    auth: apiKeyAndJwt,
    rateLimit: { count: 5, windowSeconds: 3600, scope: "user", blockSeconds: 1800 },
    body: {
      contentType: "application/json",
      schema: ChangePasswordRequest,
      examples: [{ name: "change", value: { current_password: "OldPass123", new_password: "NewPass456" } }],
    },
    responses: [message("Password changed successfully")],
    errors: [
      {
        status: 400,
        detail: "Current password is incorrect",
        when: "current_password does not match.",
        source: "implied",
      },
    ],
    keywords: ["update password", "new password", "account settings", "security"],
  }),
  defineEndpoint({
    category,
    slug: "verify-email",
    method: "POST",
    path: "/v1/auth/verify-email",
    summary: "Verify end-user email with token (requires API Key)",
    description: "Marks the user's email as verified using the token from the verification email.",
    auth: apiKey,
    body: {
      contentType: "application/json",
      schema: TokenRequest,
      examples: [{ name: "verify", value: { token: "verification-token-from-email" } }],
    },
    responses: [message("Email verified successfully")],
    errors: [
      {
        status: 400,
        detail: "Invalid or expired verification token",
        when: "The token is unknown, already used or expired.",
        source: "implied",
      },
    ],
    notes: [
      "Which one a frontend uses: this one. Your app's verify-email page holds the public key, so it sends the token from the link here; /v1/auth/verify-email-with-token is for pages that have no API key.",
      "Use when the verification link opens in a context that has the tenant API key (for example the end-user app).",
    ],
    keywords: ["confirm email", "email confirmation", "activate account", "verification link"],
  }),
  defineEndpoint({
    category,
    slug: "verify-email-with-token",
    method: "POST",
    path: "/v1/auth/verify-email-with-token",
    summary: "Verify end-user email with token only (no API Key)",
    description:
      "Marks the user's email as verified using only the token; no API key is needed because the token identifies the tenant.",
    auth: { keys: [], jwt: "none" },
    rateLimit: { count: 20, windowSeconds: 3600, scope: "ip" },
    body: {
      contentType: "application/json",
      schema: TokenRequest,
      examples: [{ name: "verify", value: { token: "verification-token-from-email" } }],
    },
    responses: [message("Email verified successfully")],
    errors: [
      {
        status: 400,
        detail: "Invalid or expired verification token",
        when: "The token is unknown, already used or expired.",
        source: "implied",
      },
    ],
    notes: [
      "Which one a frontend uses: not this one. An end-user app that holds its public key uses /v1/auth/verify-email; this keyless twin is for a page with no API key (a dashboard domain, a static link handler).",
      "Use when the verification link opens on a page without the API key (for example a dashboard domain). Rate limited by IP.",
    ],
    keywords: ["confirm email", "email confirmation", "no api key", "verification link"],
  }),
  defineEndpoint({
    category,
    slug: "resend-verification",
    method: "POST",
    path: "/v1/auth/resend-verification",
    summary: "Resend verification email for end-user",
    description: "Sends a new verification email, for example when the first link expired.",
    auth: apiKey,
    rateLimit: { count: 3, windowSeconds: 3600, scope: "ip", blockSeconds: 1800 },
    body: {
      contentType: "application/json",
      schema: EmailRequest,
      examples: [{ name: "resend", value: { email: "user@example.com" } }],
    },
    responses: [message("Verification email sent")],
    notes: ["Always returns success even if the email does not exist (security). Rate limited to prevent abuse."],
    keywords: ["resend email", "verification email", "confirm email", "link expired"],
  }),
  defineEndpoint({
    category,
    slug: "providers",
    method: "GET",
    path: "/v1/auth/providers",
    summary: "List enabled OAuth providers for this tenant",
    description: "Lists the social sign-in providers the tenant has enabled.",
    auth: apiKey,
    responses: [
      {
        status: 200,
        description: "Enabled providers",
        schema: ProvidersResponse,
        examples: [{ name: "google", value: { providers: [{ provider: "google", name: "Google" }] } }],
      },
    ],
    notes: [
      "Use on the login page to show or hide the 'Sign in with Google' button. Only providers enabled in the tenant configuration are returned.",
    ],
    keywords: ["oauth", "social login", "sso", "google", "sign in with google"],
  }),
  defineEndpoint({
    category,
    slug: "google-url",
    method: "GET",
    path: "/v1/auth/google/url",
    summary: "Get Google OAuth authorization URL",
    description:
      "Returns the Google consent URL to send the user to. After consent, Google calls the API's callback, which redirects to redirect_uri with the tokens in the URL fragment.",
    auth: apiKey,
    query: z.object({
      redirect_uri: httpUrl().describe(
        "Frontend URL Google redirects to after sign-in; must match the tenant configuration",
      ),
    }),
    responses: [
      {
        status: 200,
        description: "Authorization URL",
        schema: z.object({ authorization_url: z.url().describe("Redirect the user to this URL") }),
        examples: [
          {
            name: "ok",
            value: { authorization_url: "https://accounts.google.com/o/oauth2/v2/auth?client_id=...&state=..." },
          },
        ],
      },
    ],
    errors: [
      {
        status: 400,
        detail: "redirect_uri is not allowed for this tenant",
        when: "redirect_uri does not match the tenant configuration.",
        source: "implied",
      },
      {
        status: 400,
        detail: "Google sign-in is not enabled for this tenant",
        when: "The tenant has not enabled the Google provider.",
        source: "implied",
      },
    ],
    keywords: ["oauth", "google", "social login", "sso", "sign in with google", "authorization url"],
  }),
  defineEndpoint({
    category,
    slug: "google-callback",
    method: "GET",
    path: "/v1/auth/google/callback",
    summary: "Google OAuth callback (called by Google, not by your frontend)",
    description:
      "Google redirects here after consent. The API exchanges the code and redirects to the frontend redirect_uri with the tokens in the URL fragment (#access_token=...&refresh_token=...&expires_in=...). Errors redirect with ?error=oauth_failed&error_description=...",
    auth: { keys: [], jwt: "none" },
    query: z.object({
      code: z.string().min(1).describe("Authorization code from Google"),
      state: z.string().min(1).describe("HMAC-signed state carrying tenant_id and redirect_uri"),
    }),
    responses: [
      {
        status: 302,
        description:
          "Redirect to redirect_uri with tokens in the fragment, or with ?error=oauth_failed&error_description=... on failure",
        examples: [],
        headers: {
          Location: "https://myapp.com/oauth/callback#access_token=...&refresh_token=...&expires_in=3600",
        },
      },
    ],
    notes: [
      "Tokens arrive in the URL fragment (#), never in the query string: fragments are not sent to servers. Read them from window.location.hash, then clear the hash.",
    ],
    keywords: ["oauth", "google", "redirect", "callback", "fragment", "hash"],
  }),
];
