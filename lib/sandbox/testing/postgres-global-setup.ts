import type { TestProject } from "vitest/node";
import { startPostgresCluster } from "./postgres-cluster.mjs";

/** Vitest globalSetup of the "sandbox on PostgreSQL" project: one throwaway cluster for the run, removed after it. */
export default async function setup(project: TestProject): Promise<() => void> {
  const cluster = await startPostgresCluster(
    process.env.SANDBOX_TEST_PG_PORT ? Number(process.env.SANDBOX_TEST_PG_PORT) : undefined,
  );
  project.provide("postgresClusterUrl", cluster.url);
  return () => cluster.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    postgresClusterUrl: string;
  }
}
