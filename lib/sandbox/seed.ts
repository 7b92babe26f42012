import { hashPasswordSync } from "./auth/passwords";
import { bool, isoTime, newId, toJson, type Sql } from "./db/sql";
import { insertUser } from "./resources/user";
import type { TenantRow } from "./tenants";

/** What every new (or reset) tenant starts with, and the demo tenant's ready-made user. */

export const DEMO_USER = { email: "demo@example.com", password: "SandboxPass123", displayName: "Demo User" } as const;
export const DEMO_ORGANIZATION = { name: "Demo Company", slug: "demo-company" } as const;

interface PlanSeed {
  name: string;
  description: string;
  monthly: number;
  yearly: number;
  features: string[];
  free: boolean;
  maxCost: number | null;
  maxMessages: number | null;
}

const PLANS: PlanSeed[] = [
  {
    name: "Free",
    description: "Get started at no cost",
    monthly: 0,
    yearly: 0,
    features: ["API Access"],
    free: true,
    maxCost: 5,
    maxMessages: 100,
  },
  {
    name: "Pro Plan",
    description: "For growing teams",
    monthly: 29.99,
    yearly: 299.99,
    features: ["API Access", "Priority Support", "Advanced Analytics"],
    free: false,
    maxCost: 100,
    maxMessages: 1000,
  },
  {
    name: "Business",
    description: "For organizations at scale",
    monthly: 99.99,
    yearly: 999.99,
    features: ["API Access", "Priority Support", "Advanced Analytics", "SSO", "Unlimited AI messages"],
    free: false,
    maxCost: 500,
    maxMessages: null,
  },
];

/** Agents answer deterministically: `{input}` in reply_template is replaced by the user's last message. */
const AGENTS = [
  {
    name: "Support Assistant",
    description: "Answers questions about your account and our products",
    prompt: "You are a friendly support assistant. Answer concisely.",
    reply:
      'Thanks for your message: "{input}". This is the sandbox support assistant: answers are canned, usage is counted.',
  },
  {
    name: "Echo",
    description: "Repeats what you say: handy for testing conversations",
    prompt: "Repeat the user's message.",
    reply: "{input}",
  },
];

const WELCOME_FILE = "Welcome to the sandbox drive. This file is shared by the tenant with every end-user.\n";

export async function seedTenant(sql: Sql, tenant: TenantRow, now: Date): Promise<void> {
  const at = isoTime(now);
  const planIds: string[] = [];
  for (const [i, p] of PLANS.entries()) {
    const id = newId();
    const slug = p.name.toLowerCase().split(" ")[0];
    await sql.run(
      `INSERT INTO plans (id, tenant_id, name, description, price_monthly, price_yearly, currency, features, is_active, is_free,
         max_cost_usd_per_month, max_messages_per_month, max_tokens_per_month, stripe_product_id, stripe_price_id_monthly, stripe_price_id_yearly, sort_order, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'usd', ?, 1, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?)`,
      [
        id,
        tenant.id,
        p.name,
        p.description,
        p.monthly,
        p.yearly,
        toJson(p.features),
        bool(p.free),
        p.maxCost,
        p.maxMessages,
        p.free ? null : `prod_sandbox_${slug}`,
        p.free ? null : `price_sandbox_${slug}_monthly`,
        p.free ? null : `price_sandbox_${slug}_yearly`,
        i,
        at,
        at,
      ],
    );
    planIds.push(id);
  }

  const tenantAdmin = newId(); // the tenant-side user who "created" the agents
  for (const a of AGENTS) {
    await sql.run(
      `INSERT INTO agents (id, tenant_id, name, description, system_prompt, response_type, rag_provider, is_active, rag_config, mcp_servers, reply_template, created_by, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'text', 'NONE', 1, NULL, '[]', ?, ?, ?, ?)`,
      [newId(), tenant.id, a.name, a.description, a.prompt, a.reply, tenantAdmin, at, at],
    );
  }
  await sql.run(`INSERT INTO external_agents (id, tenant_id, name, description, created_at) VALUES (?, ?, ?, ?, ?)`, [
    newId(),
    tenant.id,
    "N8N lead enrichment",
    "An external workflow that reports its LLM calls",
    at,
  ]);

  const fileId = newId();
  const bytes = Buffer.from(WELCOME_FILE, "utf8");
  await sql.run(
    `INSERT INTO files (id, tenant_id, user_id, folder_id, filename, original_filename, file_size, content_type, storage_provider, description, is_shared, extra_metadata, bytes, created_at, updated_at)
     VALUES (?, ?, NULL, NULL, ?, 'Welcome.txt', ?, 'text/plain', 'sandbox', 'Shared with every end-user', 1, NULL, ?, ?, ?)`,
    [fileId, tenant.id, `${fileId}.txt`, bytes.length, bytes, at, at],
  );

  if (tenant.is_demo === 1) await seedDemoUser(sql, tenant, planIds[0]!, now);
}

/** demo@example.com / SandboxPass123, owner of "Demo Company" (with its default department). */
async function seedDemoUser(sql: Sql, tenant: TenantRow, freePlanId: string, now: Date): Promise<void> {
  const at = isoTime(now);
  const user = await insertUser(
    sql,
    tenant.id,
    {
      email: DEMO_USER.email,
      passwordHash: hashPasswordSync(DEMO_USER.password),
      displayName: DEMO_USER.displayName,
      isEmailVerified: true,
      status: "active",
      currentPlanId: freePlanId,
    },
    now,
  );
  const orgId = newId();
  await sql.run(
    `INSERT INTO organizations (id, tenant_id, name, slug, description, logo_url, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?)`,
    [orgId, tenant.id, DEMO_ORGANIZATION.name, DEMO_ORGANIZATION.slug, "The demo user's organization", user.id, at, at],
  );
  await sql.run(
    `INSERT INTO memberships (id, tenant_id, organization_id, user_id, role, is_active, joined_at, updated_at) VALUES (?, ?, ?, ?, 'owner', 1, ?, ?)`,
    [newId(), tenant.id, orgId, user.id, at, at],
  );
  await sql.run(
    `INSERT INTO departments (id, tenant_id, organization_id, name, description, is_default, is_active, settings, created_at, updated_at) VALUES (?, ?, ?, 'General', 'Default department', 1, 1, '{}', ?, ?)`,
    [newId(), tenant.id, orgId, at, at],
  );
  await sql.run(`UPDATE users SET default_organization_id = ? WHERE id = ?`, [orgId, user.id]);
}
