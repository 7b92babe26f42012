import "server-only";
import { maxUploadBytes, tenantStorageBytes, tenantTtlHours } from "@/lib/sandbox/config";
import { DEMO_ORGANIZATION, DEMO_USER } from "@/lib/sandbox/seed";
import { getStore } from "@/lib/sandbox/store";
import { getDemoTenant } from "@/lib/sandbox/tenants";

/** What the /sandbox page shows: the shared demo tenant's keys and ready-made user, and the limits. */
export interface SandboxOverview {
  demo: {
    publicKey: string;
    secretKey: string;
    email: string;
    password: string;
    organizationId: string | null;
    organizationName: string;
  } | null;
  tenantTtlHours: number;
  maxUploadBytes: number;
  tenantStorageBytes: number;
}

export async function sandboxOverview(): Promise<SandboxOverview> {
  const sql = await getStore();
  const tenant = await getDemoTenant(sql);
  const org = tenant
    ? await sql.get<{ id: string }>(`SELECT id FROM organizations WHERE tenant_id = ? AND slug = ?`, [
        tenant.id,
        DEMO_ORGANIZATION.slug,
      ])
    : undefined;
  return {
    demo: tenant
      ? {
          publicKey: tenant.public_key,
          secretKey: tenant.secret_key,
          email: DEMO_USER.email,
          password: DEMO_USER.password,
          organizationId: org?.id ?? null,
          organizationName: DEMO_ORGANIZATION.name,
        }
      : null,
    tenantTtlHours: tenantTtlHours(),
    maxUploadBytes: maxUploadBytes(),
    tenantStorageBytes: tenantStorageBytes(),
  };
}
