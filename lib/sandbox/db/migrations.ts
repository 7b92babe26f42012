import { recordSlotsMigration } from "./record-slots";
import type { Dialect, Sql } from "./sql";

/**
 * Versioned schema. Portable types only: TEXT ids (uuid v4), TEXT ISO-8601 timestamps, TEXT JSON,
 * INTEGER 0/1 booleans, DOUBLE PRECISION money/cost, BLOB file bytes (BYTEA on PostgreSQL).
 * Every row carries tenant_id and goes with its tenant (ON DELETE CASCADE), so purging a
 * tenant is one DELETE. Never edit an applied migration: append a new one.
 */
export interface Migration {
  version: number;
  name: string;
  up: string[];
  /** Applied on this engine only (recorded as applied on the other, which has no use for it). */
  only?: Dialect;
}

const tenantRef = "tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE";

export const migrations: Migration[] = [
  {
    version: 1,
    name: "core: tenants, meta, users, sessions, email tokens, outbox, rate limits",
    up: [
      `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
      `CREATE TABLE tenants (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        public_key TEXT NOT NULL UNIQUE,
        secret_key TEXT NOT NULL UNIQUE,
        email_verification INTEGER NOT NULL DEFAULT 0,
        google_enabled INTEGER NOT NULL DEFAULT 1,
        is_demo INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        expires_at TEXT
      )`,
      `CREATE INDEX tenants_expires ON tenants (expires_at)`,
      `CREATE TABLE plans (
        id TEXT PRIMARY KEY,
        ${tenantRef},
        name TEXT NOT NULL,
        description TEXT,
        price_monthly DOUBLE PRECISION NOT NULL DEFAULT 0,
        price_yearly DOUBLE PRECISION NOT NULL DEFAULT 0,
        currency TEXT NOT NULL DEFAULT 'usd',
        features TEXT NOT NULL DEFAULT '[]',
        is_active INTEGER NOT NULL DEFAULT 1,
        is_free INTEGER NOT NULL DEFAULT 0,
        max_cost_usd_per_month DOUBLE PRECISION,
        max_messages_per_month INTEGER,
        max_tokens_per_month INTEGER,
        stripe_product_id TEXT,
        stripe_price_id_monthly TEXT,
        stripe_price_id_yearly TEXT,
        sort_order INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      )`,
      `CREATE INDEX plans_tenant ON plans (tenant_id, sort_order)`,
      `CREATE TABLE users (
        id TEXT PRIMARY KEY,
        ${tenantRef},
        email TEXT,
        password_hash TEXT,
        display_name TEXT,
        avatar_url TEXT,
        locale TEXT NOT NULL DEFAULT 'en',
        is_active INTEGER NOT NULL DEFAULT 1,
        is_email_verified INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL DEFAULT 'pending',
        sub TEXT NOT NULL,
        current_plan_id TEXT REFERENCES plans(id) ON DELETE SET NULL,
        default_organization_id TEXT,
        settings TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (tenant_id, email),
        UNIQUE (tenant_id, sub)
      )`,
      `CREATE INDEX users_tenant_created ON users (tenant_id, created_at, id)`,
      // A session: the refresh token's jti. Access tokens carry it as sid, so logout revokes both.
      `CREATE TABLE refresh_tokens (
        jti TEXT PRIMARY KEY,
        ${tenantRef},
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        revoked_at TEXT
      )`,
      `CREATE INDEX refresh_tokens_user ON refresh_tokens (tenant_id, user_id)`,
      `CREATE TABLE email_tokens (
        id TEXT PRIMARY KEY,
        ${tenantRef},
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('verification', 'password_reset')),
        token_hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        used_at TEXT
      )`,
      `CREATE INDEX email_tokens_user ON email_tokens (tenant_id, user_id, kind)`,
      `CREATE TABLE outbox (
        id TEXT PRIMARY KEY,
        ${tenantRef},
        to_email TEXT NOT NULL,
        kind TEXT NOT NULL,
        subject TEXT NOT NULL,
        body TEXT NOT NULL,
        token TEXT,
        link TEXT,
        created_at TEXT NOT NULL
      )`,
      `CREATE INDEX outbox_tenant_created ON outbox (tenant_id, created_at)`,
      // tenant_id is NULL for endpoints without an API key (the bucket then spans tenants).
      `CREATE TABLE rate_limits (
        bucket TEXT PRIMARY KEY,
        tenant_id TEXT REFERENCES tenants(id) ON DELETE CASCADE,
        window_start TEXT NOT NULL,
        count INTEGER NOT NULL,
        blocked_until TEXT
      )`,
      `CREATE INDEX rate_limits_tenant ON rate_limits (tenant_id)`,
    ],
  },
  {
    version: 2,
    name: "organizations, memberships, invitations, departments, billing, usage",
    up: [
      `CREATE TABLE organizations (
        id TEXT PRIMARY KEY,
        ${tenantRef},
        name TEXT NOT NULL,
        slug TEXT NOT NULL,
        description TEXT,
        logo_url TEXT,
        created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (tenant_id, slug)
      )`,
      `CREATE TABLE memberships (
        id TEXT PRIMARY KEY,
        ${tenantRef},
        organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('owner', 'admin', 'member', 'developer')),
        is_active INTEGER NOT NULL DEFAULT 1,
        joined_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (organization_id, user_id)
      )`,
      `CREATE INDEX memberships_user ON memberships (tenant_id, user_id)`,
      `CREATE TABLE invitations (
        id TEXT PRIMARY KEY,
        ${tenantRef},
        organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        email TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'member', 'developer')),
        status TEXT NOT NULL DEFAULT 'pending',
        token_hash TEXT NOT NULL UNIQUE,
        invited_by TEXT REFERENCES users(id) ON DELETE SET NULL,
        expires_at TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      )`,
      `CREATE INDEX invitations_org ON invitations (tenant_id, organization_id, status)`,
      `CREATE INDEX invitations_email ON invitations (tenant_id, email, status)`,
      `CREATE TABLE departments (
        id TEXT PRIMARY KEY,
        ${tenantRef},
        organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        description TEXT,
        is_default INTEGER NOT NULL DEFAULT 0,
        is_active INTEGER NOT NULL DEFAULT 1,
        settings TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      )`,
      `CREATE INDEX departments_org ON departments (tenant_id, organization_id)`,
      `CREATE TABLE subscriptions (
        id TEXT PRIMARY KEY,
        ${tenantRef},
        organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        user_id TEXT REFERENCES users(id) ON DELETE SET NULL,
        plan_id TEXT NOT NULL REFERENCES plans(id),
        pending_plan_id TEXT REFERENCES plans(id),
        stripe_customer_id TEXT,
        stripe_subscription_id TEXT,
        billing_cycle TEXT NOT NULL DEFAULT 'monthly' CHECK (billing_cycle IN ('monthly', 'yearly')),
        status TEXT NOT NULL,
        current_period_start TEXT NOT NULL,
        current_period_end TEXT NOT NULL,
        cancel_at_period_end INTEGER NOT NULL DEFAULT 0,
        canceled_at TEXT,
        trial_start TEXT,
        trial_end TEXT,
        metadata TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      )`,
      `CREATE INDEX subscriptions_org ON subscriptions (tenant_id, organization_id, status)`,
      `CREATE INDEX subscriptions_user ON subscriptions (tenant_id, user_id)`,
      `CREATE TABLE checkout_sessions (
        id TEXT PRIMARY KEY,
        ${tenantRef},
        user_id TEXT REFERENCES users(id) ON DELETE CASCADE,
        organization_id TEXT REFERENCES organizations(id) ON DELETE CASCADE,
        plan_id TEXT NOT NULL REFERENCES plans(id),
        billing_cycle TEXT NOT NULL DEFAULT 'monthly',
        success_url TEXT NOT NULL,
        cancel_url TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'complete', 'cancelled', 'expired')),
        subscription_id TEXT REFERENCES subscriptions(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        completed_at TEXT
      )`,
      `CREATE INDEX checkout_sessions_tenant ON checkout_sessions (tenant_id, created_at)`,
      // Stripe-shaped invoices: amounts in cents, times in Unix seconds.
      `CREATE TABLE invoices (
        id TEXT PRIMARY KEY,
        ${tenantRef},
        organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        subscription_id TEXT REFERENCES subscriptions(id) ON DELETE SET NULL,
        number TEXT,
        status TEXT NOT NULL,
        amount_due INTEGER NOT NULL,
        amount_paid INTEGER NOT NULL,
        currency TEXT NOT NULL DEFAULT 'usd',
        created INTEGER NOT NULL,
        period_start INTEGER NOT NULL,
        period_end INTEGER NOT NULL,
        hosted_invoice_url TEXT,
        invoice_pdf TEXT
      )`,
      `CREATE INDEX invoices_org ON invoices (tenant_id, organization_id, created)`,
      // One row per user, organization and monthly period.
      `CREATE TABLE usage_counters (
        id TEXT PRIMARY KEY,
        ${tenantRef},
        organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        plan_id TEXT REFERENCES plans(id) ON DELETE SET NULL,
        period_start TEXT NOT NULL,
        period_end TEXT NOT NULL,
        messages INTEGER NOT NULL DEFAULT 0,
        tokens_in INTEGER NOT NULL DEFAULT 0,
        tokens_out INTEGER NOT NULL DEFAULT 0,
        cost_usd DOUBLE PRECISION NOT NULL DEFAULT 0,
        metadata TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (tenant_id, organization_id, user_id, period_start)
      )`,
      `CREATE INDEX usage_counters_user ON usage_counters (tenant_id, user_id, period_start)`,
      `CREATE INDEX usage_counters_org ON usage_counters (tenant_id, organization_id, period_start)`,
    ],
  },
  {
    version: 3,
    name: "agents, conversations, entities, drive, external agents",
    up: [
      `CREATE TABLE agents (
        id TEXT PRIMARY KEY,
        ${tenantRef},
        name TEXT NOT NULL,
        description TEXT,
        system_prompt TEXT NOT NULL,
        response_type TEXT NOT NULL DEFAULT 'text',
        rag_provider TEXT NOT NULL DEFAULT 'NONE',
        is_active INTEGER NOT NULL DEFAULT 1,
        rag_config TEXT,
        mcp_servers TEXT NOT NULL DEFAULT '[]',
        reply_template TEXT,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      )`,
      `CREATE INDEX agents_tenant ON agents (tenant_id, created_at)`,
      `CREATE TABLE executions (
        id TEXT PRIMARY KEY,
        ${tenantRef},
        agent_id TEXT NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        organization_id TEXT REFERENCES organizations(id) ON DELETE SET NULL,
        conversation_id TEXT,
        input_text TEXT NOT NULL,
        output_text TEXT NOT NULL,
        tokens_used INTEGER NOT NULL DEFAULT 0,
        execution_time_ms INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL,
        error_message TEXT,
        metadata TEXT,
        created_at TEXT NOT NULL
      )`,
      `CREATE INDEX executions_agent_user ON executions (tenant_id, agent_id, user_id, created_at)`,
      `CREATE TABLE conversations (
        id TEXT PRIMARY KEY,
        ${tenantRef},
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        agent_id TEXT NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
        title TEXT,
        status TEXT NOT NULL DEFAULT 'ACTIVE',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      )`,
      `CREATE INDEX conversations_agent_user ON conversations (tenant_id, agent_id, user_id, updated_at)`,
      // position orders messages written in the same millisecond.
      `CREATE TABLE conversation_messages (
        id TEXT PRIMARY KEY,
        ${tenantRef},
        conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        role TEXT NOT NULL,
        content TEXT NOT NULL,
        tokens_used INTEGER,
        metadata TEXT,
        created_at TEXT NOT NULL,
        UNIQUE (conversation_id, position)
      )`,
      `CREATE TABLE entity_schemas (
        id TEXT PRIMARY KEY,
        ${tenantRef},
        organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        slug TEXT NOT NULL,
        description TEXT,
        fields_definition TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        is_active INTEGER NOT NULL DEFAULT 1,
        created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (organization_id, name),
        UNIQUE (organization_id, slug)
      )`,
      `CREATE INDEX entity_schemas_org ON entity_schemas (tenant_id, organization_id, created_at, id)`,
      `CREATE TABLE entity_records (
        id TEXT PRIMARY KEY,
        ${tenantRef},
        organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        schema_id TEXT NOT NULL REFERENCES entity_schemas(id) ON DELETE CASCADE,
        data TEXT NOT NULL,
        created_by_id TEXT NOT NULL,
        updated_by_id TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      )`,
      `CREATE INDEX entity_records_org_created ON entity_records (tenant_id, organization_id, created_at, id)`,
      `CREATE INDEX entity_records_schema_created ON entity_records (schema_id, created_at, id)`,
      `CREATE TABLE folders (
        id TEXT PRIMARY KEY,
        ${tenantRef},
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        parent_id TEXT REFERENCES folders(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        path TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (tenant_id, user_id, path)
      )`,
      `CREATE INDEX folders_parent ON folders (tenant_id, user_id, parent_id)`,
      // user_id NULL: a tenant file (is_shared marks it readable by every end-user).
      // Lists must name their columns: SELECT * would load every file's bytes.
      `CREATE TABLE files (
        id TEXT PRIMARY KEY,
        ${tenantRef},
        user_id TEXT REFERENCES users(id) ON DELETE CASCADE,
        folder_id TEXT REFERENCES folders(id) ON DELETE CASCADE,
        filename TEXT NOT NULL,
        original_filename TEXT NOT NULL,
        file_size INTEGER NOT NULL,
        content_type TEXT NOT NULL,
        storage_provider TEXT NOT NULL DEFAULT 'sandbox',
        description TEXT,
        is_shared INTEGER NOT NULL DEFAULT 0,
        extra_metadata TEXT,
        bytes BLOB NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      )`,
      `CREATE INDEX files_user ON files (tenant_id, user_id, folder_id, created_at)`,
      `CREATE INDEX files_shared ON files (tenant_id, is_shared, created_at)`,
      `CREATE TABLE external_agents (
        id TEXT PRIMARY KEY,
        ${tenantRef},
        name TEXT NOT NULL,
        description TEXT,
        created_at TEXT NOT NULL
      )`,
      `CREATE TABLE external_agent_calls (
        id TEXT PRIMARY KEY,
        ${tenantRef},
        external_agent_id TEXT NOT NULL REFERENCES external_agents(id) ON DELETE CASCADE,
        user_id TEXT REFERENCES users(id) ON DELETE SET NULL,
        organization_id TEXT REFERENCES organizations(id) ON DELETE SET NULL,
        input_tokens INTEGER NOT NULL DEFAULT 0,
        output_tokens INTEGER NOT NULL DEFAULT 0,
        total_tokens INTEGER NOT NULL DEFAULT 0,
        cost_usd DOUBLE PRECISION NOT NULL DEFAULT 0,
        duration_ms INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL,
        error_message TEXT,
        call_metadata TEXT,
        created_at TEXT NOT NULL
      )`,
      `CREATE INDEX external_agent_calls_agent ON external_agent_calls (tenant_id, external_agent_id, created_at)`,
    ],
  },
  {
    version: 50,
    name: "entities: record search indexes per schema; records_revision keys cached search counts",
    up: [
      // Bumped with every write to the schema's records, so a cached COUNT of a search is known to be current.
      `ALTER TABLE entity_schemas ADD COLUMN records_revision INTEGER NOT NULL DEFAULT 0`,
      `CREATE INDEX entity_records_search_created ON entity_records (tenant_id, organization_id, schema_id, created_at, id)`,
      `CREATE INDEX entity_records_search_updated ON entity_records (tenant_id, organization_id, schema_id, updated_at, id)`,
    ],
  },
  {
    version: 51,
    name: "entities (PostgreSQL): record field values in typed slot columns, filled by a trigger, for index-only record search",
    up: recordSlotsMigration,
    only: "postgres",
  },
];

/** Tables holding tenant data, children before parents: resetting a tenant deletes from each in order. */
export const TENANT_TABLES = [
  "external_agent_calls",
  "external_agents",
  "files",
  "folders",
  "entity_records",
  "entity_schemas",
  "conversation_messages",
  "conversations",
  "executions",
  "agents",
  "usage_counters",
  "invoices",
  "checkout_sessions",
  "subscriptions",
  "departments",
  "invitations",
  "memberships",
  "outbox",
  "email_tokens",
  "refresh_tokens",
  "rate_limits",
  // users before organizations: organizations.created_by and users.current_plan_id only SET NULL.
  "users",
  "organizations",
  "plans",
] as const;

/** A statement in the database's own words: the one portable type it lacks (BLOB is BYTEA on PostgreSQL). */
const ddl = (sql: Sql, statement: string): string =>
  sql.dialect === "postgres" ? statement.replace(/\bBLOB\b/g, "BYTEA") : statement;

/**
 * Applies the migrations not yet recorded in schema_migrations, in one transaction under the "migrate" lock: of
 * several instances starting at once on one database, the first applies them, the others wait and find them done.
 */
export async function migrate(sql: Sql, list: readonly Migration[] = migrations, now = new Date()): Promise<number[]> {
  return await sql.tx(async () => {
    await sql.lock("sandbox:migrate");
    await sql.run(
      `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`,
    );
    const done = new Set(
      (await sql.all<{ version: number }>(`SELECT version FROM schema_migrations`)).map((r) => r.version),
    );
    const applied: number[] = [];
    for (const m of [...list].sort((a, b) => a.version - b.version)) {
      if (done.has(m.version)) continue;
      // A savepoint each: a failing migration leaves the ones before it applied.
      await sql.tx(async () => {
        if (!m.only || m.only === sql.dialect) for (const statement of m.up) await sql.run(ddl(sql, statement));
        await sql.run(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`, [
          m.version,
          m.name,
          now.toISOString(),
        ]);
      });
      applied.push(m.version);
    }
    return applied;
  });
}
