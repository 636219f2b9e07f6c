/**
 * s3rver as a child process for tests: start (ephemeral port), stop by PID (an outage), start
 * again on the same port and directory (the objects survive), close (stop + remove the directory).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const S3_TEST_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

export interface LocalS3 {
  endpoint: string;
  bucket: string;
  port: number;
  /** Environment for a `patuh` process using this store. */
  env(): NodeJS.ProcessEnv;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function startLocalS3(bucket = "patuh-evidence"): Promise<LocalS3> {
  const dir = mkdtempSync(join(tmpdir(), "patuh-s3rver-"));
  let child: ChildProcess | null = null;
  let port = 0;
  const start = async () => {
    const c = spawn(
      process.execPath,
      [join(import.meta.dirname, "s3rver-main.mjs"), dir, String(port), bucket],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    child = c;
    let out = "";
    port = await new Promise<number>((resolve, reject) => {
      c.stdout?.on("data", (d: Buffer) => {
        out += d.toString();
        const m = /s3rver listening on (\d+)/.exec(out);
        if (m?.[1]) resolve(Number(m[1]));
      });
      c.stderr?.on("data", (d: Buffer) => {
        out += d.toString();
      });
      c.once("exit", (code) => reject(new Error(`s3rver exited (${code}): ${out}`)));
    });
  };
  const stop = async () => {
    const c = child;
    child = null;
    if (!c || c.exitCode !== null || c.pid === undefined) return;
    await new Promise<void>((resolve) => {
      c.once("exit", () => resolve());
      process.kill(c.pid as number, "SIGKILL");
    });
  };
  await start();
  return {
    get endpoint() {
      return `http://127.0.0.1:${port}`;
    },
    bucket,
    get port() {
      return port;
    },
    env() {
      return {
        EVIDENCE_STORE: "s3",
        S3_ENDPOINT: `http://127.0.0.1:${port}`,
        S3_BUCKET: bucket,
        S3_REGION: "us-east-1",
        S3_FORCE_PATH_STYLE: "true",
        AWS_ACCESS_KEY_ID: S3_TEST_CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: S3_TEST_CREDENTIALS.secretAccessKey,
      };
    },
    stop,
    start,
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
