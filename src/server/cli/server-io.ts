/** What server CLI commands get besides the output sinks: stdin, environment and working dir. */
import { type Config, ConfigError, loadConfig } from "../config";
import type { CliIo } from "./cli-io";

export interface ServerCliIo extends CliIo {
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** All of stdin as text (used by --password-stdin). */
  readStdin(): Promise<string>;
  /** Resolves when the process is asked to stop (SIGINT/SIGTERM); used by `serve`. */
  untilStopped(): Promise<string>;
}

/** The configuration from io's environment, or null after printing why it is invalid. */
export function loadConfigOrReport(io: ServerCliIo): Config | null {
  try {
    return loadConfig(io.env, io.cwd);
  } catch (e) {
    if (e instanceof ConfigError) {
      io.err(`patuh: configuration error: ${e.message}`);
      return null;
    }
    throw e;
  }
}

export type Command = (args: string[], io: ServerCliIo) => Promise<number>;

export async function readAllStdin(stream: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}
