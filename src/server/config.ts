/**
 * Server configuration, read once from the environment and validated up front so a bad value
 * fails at start with a clear message instead of misbehaving later.
 */
import { resolve } from "node:path";

export interface Limits {
  /** Largest accepted JSON request body, in bytes. */
  jsonBodyBytes: number;
  /** Most mutations accepted in one push. */
  mutationsPerPush: number;
  /** Largest accepted evidence blob, in bytes. */
  evidenceBytes: number;
  /** Evidence one user may store, in bytes (blobs they were the first to upload). */
  evidenceBytesPerUser: number;
  /** Evidence one office may store, in bytes (blobs first uploaded by its users). */
  evidenceBytesPerOffice: number;
  /** Largest assessment state (JSON bytes); a push mutation growing it past this is rejected. */
  assessmentBytes: number;
  /** Free space the data directory must keep: an upload that would leave less is refused (507). */
  minFreeDiskBytes: number;
}

/** Where evidence bytes live (docs/deploy.md: MinIO, Ceph RGW, AWS). */
export type EvidenceStoreConfig =
  | { kind: "fs" }
  | {
      kind: "s3";
      /** null → the SDK's default AWS endpoint for the region. */
      endpoint: string | null;
      bucket: string;
      region: string;
      /** Path-style URLs (http://host/bucket/key): what MinIO, Ceph RGW and s3rver want. */
      forcePathStyle: boolean;
    };

export interface Config {
  port: number;
  host: string;
  /** PostgreSQL connection string; when absent the embedded PGlite in `dataDir` is used. */
  databaseUrl: string | null;
  dataDir: string;
  staticDir: string;
  demoPassword: string | null;
  /**
   * True when the server runs behind a reverse proxy that sets X-Forwarded-Proto/-For (env
   * TRUST_PROXY). Only then are those headers believed (Secure cookies, HSTS, client address);
   * otherwise any client could send them.
   */
  trustProxy: boolean;
  limits: Limits;
  evidence: EvidenceStoreConfig;
  /** Bearer token that opens /metrics; null → /metrics answers 404 (not exposed). */
  metricsToken: string | null;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

export const DEFAULT_LIMITS: Limits = {
  jsonBodyBytes: 1024 * 1024,
  mutationsPerPush: 500,
  evidenceBytes: 10 * 1024 * 1024,
  evidenceBytesPerUser: 2 * 1024 * 1024 * 1024,
  evidenceBytesPerOffice: 50 * 1024 * 1024 * 1024,
  minFreeDiskBytes: 512 * 1024 * 1024,
  assessmentBytes: 2 * 1024 * 1024,
};

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
  const n = Number(raw.trim());
  if (n < min || n > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${n}`);
  return n;
}

function nonEmpty(env: NodeJS.ProcessEnv, name: string): string | null {
  const raw = env[name];
  return raw === undefined || raw.trim() === "" ? null : raw;
}

function boolFrom(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = nonEmpty(env, name)?.trim().toLowerCase();
  if (raw === undefined) return fallback;
  if (raw === "1" || raw === "true" || raw === "yes") return true;
  if (raw === "0" || raw === "false" || raw === "no") return false;
  throw new ConfigError(`${name} must be true or false (1/0, yes/no), got "${raw}"`);
}

function evidenceFrom(env: NodeJS.ProcessEnv): EvidenceStoreConfig {
  const kind = nonEmpty(env, "EVIDENCE_STORE")?.trim() ?? "fs";
  if (kind === "fs") return { kind: "fs" };
  if (kind !== "s3") throw new ConfigError(`EVIDENCE_STORE must be fs or s3, got "${kind}"`);
  const bucket = nonEmpty(env, "S3_BUCKET")?.trim();
  if (bucket === undefined) throw new ConfigError("EVIDENCE_STORE=s3 needs S3_BUCKET");
  const endpoint = nonEmpty(env, "S3_ENDPOINT")?.trim() ?? null;
  if (endpoint !== null && !/^https?:\/\/[^/\s]+/.test(endpoint)) {
    throw new ConfigError(`S3_ENDPOINT must be an http(s) URL, got "${endpoint}"`);
  }
  return {
    kind: "s3",
    endpoint,
    bucket,
    region: nonEmpty(env, "S3_REGION")?.trim() ?? "us-east-1",
    forcePathStyle: boolFrom(env, "S3_FORCE_PATH_STYLE", endpoint !== null),
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): Config {
  const databaseUrl = nonEmpty(env, "DATABASE_URL");
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with "postgres://" or "postgresql://"');
  }
  const demoPassword = nonEmpty(env, "PATUH_DEMO_PASSWORD");
  if (demoPassword !== null && demoPassword.length < 8) {
    throw new ConfigError("PATUH_DEMO_PASSWORD must be at least 8 characters");
  }
  const host = nonEmpty(env, "HOST") ?? "127.0.0.1";
  return {
    port: intFrom(env, "PORT", 8080, 0, 65535),
    host,
    databaseUrl,
    dataDir: resolve(cwd, nonEmpty(env, "DATA_DIR") ?? "data"),
    staticDir: resolve(cwd, nonEmpty(env, "STATIC_DIR") ?? "dist/client"),
    demoPassword,
    evidence: evidenceFrom(env),
    metricsToken: metricsTokenFrom(env),
    trustProxy: boolFrom(env, "TRUST_PROXY", false),
    limits: {
      jsonBodyBytes: intFrom(env, "PATUH_MAX_JSON_BYTES", DEFAULT_LIMITS.jsonBodyBytes, 1024, 2 ** 30),
      mutationsPerPush: intFrom(
        env,
        "PATUH_MAX_MUTATIONS_PER_PUSH",
        DEFAULT_LIMITS.mutationsPerPush,
        1,
        100_000,
      ),
      evidenceBytes: intFrom(env, "PATUH_MAX_EVIDENCE_BYTES", DEFAULT_LIMITS.evidenceBytes, 1024, 2 ** 31),
      evidenceBytesPerUser: intFrom(
        env,
        "PATUH_EVIDENCE_QUOTA_USER_BYTES",
        DEFAULT_LIMITS.evidenceBytesPerUser,
        1024,
        Number.MAX_SAFE_INTEGER,
      ),
      evidenceBytesPerOffice: intFrom(
        env,
        "PATUH_EVIDENCE_QUOTA_OFFICE_BYTES",
        DEFAULT_LIMITS.evidenceBytesPerOffice,
        1024,
        Number.MAX_SAFE_INTEGER,
      ),
      assessmentBytes: intFrom(
        env,
        "PATUH_MAX_ASSESSMENT_BYTES",
        DEFAULT_LIMITS.assessmentBytes,
        64 * 1024,
        256 * 1024 * 1024,
      ),
      minFreeDiskBytes: intFrom(
        env,
        "PATUH_MIN_FREE_DISK_BYTES",
        DEFAULT_LIMITS.minFreeDiskBytes,
        0,
        Number.MAX_SAFE_INTEGER,
      ),
    },
  };
}

function metricsTokenFrom(env: NodeJS.ProcessEnv): string | null {
  const token = nonEmpty(env, "METRICS_TOKEN")?.trim() ?? null;
  if (token !== null && token.length < 16)
    throw new ConfigError("METRICS_TOKEN must be at least 16 characters");
  return token;
}
