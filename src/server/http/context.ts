/** Types shared by the app factory and route modules. */
import type { Hono } from "hono";
import type { AuditNote } from "../audit/audit-hook";
import type { Clock } from "../clock";
import type { Config } from "../config";
import type { Db } from "../db/connection";
import type { PublicUser } from "../db/queries/users";
import type { BlobStore } from "../evidence/blob-store";

export interface Logger {
  error(message: string, err?: unknown): void;
  info(message: string): void;
}

export interface AppDeps {
  db: Db;
  config: Config;
  clock: Clock;
  log: Logger;
  /** The one evidence store of this process (fs or S3, from config). */
  evidence: BlobStore;
}

export interface AppEnv {
  Variables: {
    /** Set by requireUser. */
    user: PublicUser;
    sessionId: string;
    /** Set by routes through noteAudit (audit/audit-hook.ts). */
    audit?: AuditNote;
  };
}

/** A resource's routes, mounted under /api/v1. Paths are relative: "/session", "/sync/push". */
export interface RouteModule {
  name: string;
  mount(api: Hono<AppEnv>, deps: AppDeps): void;
}

export const consoleLogger: Logger = {
  error: (message, err) => console.error(message, err),
  info: (message) => console.log(message),
};
