/** A throwaway PostgreSQL cluster (postgres-cluster.mjs). */
export interface PostgresCluster {
  /** Superuser URL of the `postgres` database (no password: trust auth on loopback). */
  url: string;
  port: number;
  /** The postmaster's process id (its backends are its children). */
  pid: number;
  /** Stops the server and deletes its directory; safe to call twice. */
  stop(): void;
}

/** The newest installed server's bin directory, PostgreSQL 15 or newer; throws when there is none. */
export function postgresBinDir(): string;
/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number>;
/** Starts a cluster on `port` (else a free one). */
export function startPostgresCluster(port?: number): Promise<PostgresCluster>;
/** The URL of database `name` on the cluster at `clusterUrl`. */
export function databaseUrlOn(clusterUrl: string, name: string): string;
