// Shared plumbing of the domain CLI commands: output sinks and JSON file reading with readable errors.
import { readFile } from "node:fs/promises";

export interface CliIo {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
}

export const EXIT_OK = 0;
/** The input was read but is wrong (invalid JSON, failed validation, unreadable file). */
export const EXIT_INVALID = 1;
/** The command line itself is wrong. */
export const EXIT_USAGE = 2;

export type ReadJsonResult =
  | { readonly ok: true; readonly json: unknown }
  | { readonly ok: false; readonly message: string };

export async function readJsonFile(path: string): Promise<ReadJsonResult> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = error instanceof Error && "code" in error ? String(error.code) : "";
    return {
      ok: false,
      message: code === "ENOENT" ? `${path}: no such file` : `${path}: cannot read (${String(error)})`,
    };
  }
  try {
    return { ok: true, json: JSON.parse(text) };
  } catch (error) {
    return {
      ok: false,
      message: `${path}: not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    };
  }
}

/** Parses `--name value` options and positional arguments; unknown options are usage errors. */
export function parseArgs(
  args: readonly string[],
  known: readonly string[],
  flags: readonly string[] = [],
):
  | { ok: true; options: Map<string, string>; flags: Set<string>; positional: string[] }
  | { ok: false; message: string } {
  const options = new Map<string, string>();
  const seenFlags = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const [name = "", inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (flags.includes(name)) {
      seenFlags.add(name);
      continue;
    }
    if (!known.includes(name)) return { ok: false, message: `unknown option --${name}` };
    const value = inline ?? args[++i];
    if (value === undefined || value === "") return { ok: false, message: `--${name} needs a value` };
    if (options.has(name)) return { ok: false, message: `--${name} given twice` };
    options.set(name, value);
  }
  return { ok: true, options, flags: seenFlags, positional };
}

export type ParsedArgs = Extract<ReturnType<typeof parseArgs>, { ok: true }>;

/**
 * parseArgs with a `--help` flag added, for a command whose usage line is `usage`: a usage error
 * (printed with the usage line) or `--help` (the usage line alone) gives the exit code instead.
 */
export function parseCommandArgs(
  args: readonly string[],
  known: readonly string[],
  flags: readonly string[],
  usage: string,
  io: CliIo,
): ParsedArgs | number {
  const parsed = parseArgs(args, known, [...flags, "help"]);
  if (!parsed.ok) {
    io.err(`${parsed.message}\n${usage}`);
    return EXIT_USAGE;
  }
  if (parsed.flags.has("help")) {
    io.out(usage);
    return EXIT_OK;
  }
  return parsed;
}
