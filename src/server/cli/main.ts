/**
 * The `patuh` command line: dispatches on argv through one command table. Entry point of the
 * server bundle (dist/server/main.js) and of `node bin/patuh.js` in development.
 */
import { pathToFileURL } from "node:url";
import { backupCommand, restoreCommand } from "./backup-commands";
import { EXIT_USAGE } from "./cli-io";
import { migrateCommand, seedCommand, userCommand } from "./db-commands";
import { evidenceMigrateCommand } from "./evidence-commands";
import { exportHistoryCommand, importHistoryCommand } from "./history";
import { instrumentCheckCommand } from "./instrument-check";
import {
  instrumentExportCommand,
  instrumentImportCommand,
  instrumentTemplateCommand,
} from "./instrument-sheets";
import { locusDataCommand } from "./locus-data-commands";
import { exportCommand, importCommand } from "./master-data-commands";
import { scoreCommand } from "./score";
import { serveCommand } from "./serve";
import { type Command, readAllStdin, type ServerCliIo } from "./server-io";

/** Command name (one or two words) → implementation. Two-word names are matched first. */
export const COMMANDS: Record<string, { run: Command; summary: string }> = {
  serve: { run: serveCommand, summary: "serve [--demo]            migrate, then run the server" },
  migrate: { run: migrateCommand, summary: "migrate                   apply pending database migrations" },
  user: {
    run: userCommand,
    summary: "user add --username U --name N --role R --office O [--password-stdin]",
  },
  import: {
    run: importCommand,
    summary: "import loci|units|users FILE [--office O] [--dry-run] [--passwords OUT]",
  },
  export: {
    run: exportCommand,
    summary: "export loci|units|users FILE [--office O]  (FILE - : CSV to stdout)",
  },
  seed: { run: seedCommand, summary: "seed demo                 load the demo data into an empty database" },
  "instrument check": {
    run: instrumentCheckCommand,
    summary: "instrument check FILE     validate an instrument",
  },
  "instrument import": {
    run: instrumentImportCommand,
    summary:
      "instrument import FILE.xlsx [--out FILE.json] [--store]  an instrument authored in a spreadsheet",
  },
  "instrument export": {
    run: instrumentExportCommand,
    summary: "instrument export FILE.json|ID@VERSION OUT.xlsx  the same workbook back",
  },
  "instrument template": {
    run: instrumentTemplateCommand,
    summary: "instrument template OUT.xlsx  an empty instrument workbook to fill in",
  },
  "locus-data": {
    run: locusDataCommand,
    summary: "locus-data import|export FILE --period P [--dry-run]  secondary data and follow-ups (2025)",
  },
  "import history": {
    run: importHistoryCommand,
    summary: "import history FILE [--office O] [--dry-run]  import published results of earlier rounds",
  },
  "export history": {
    run: exportHistoryCommand,
    summary: "export history FILE|- [--office O]  write them back with the derived predicate",
  },
  backup: {
    run: backupCommand,
    summary: "backup FILE               database + evidence manifest (+ blobs of the file store)",
  },
  restore: {
    run: restoreCommand,
    summary: "restore FILE [--replace]  restore a backup (refuses a database with data without --replace)",
  },
  "evidence migrate": {
    run: evidenceMigrateCommand,
    summary: "evidence migrate --to s3|fs [--verify]  copy every evidence blob to the other store, verified",
  },
  score: {
    run: scoreCommand,
    summary: "score …                   score an assessment file (see patuh score --help)",
  },
};

function usage(): string {
  return ["usage: patuh <command>", ...Object.values(COMMANDS).map((c) => `  patuh ${c.summary}`)].join("\n");
}

export async function runCli(argv: string[], io: ServerCliIo): Promise<number> {
  const [first = "", second = "", ...rest] = argv;
  if (first === "" || first === "help" || first === "--help" || first === "-h") {
    (first === "" ? io.err : io.out)(usage());
    return first === "" ? EXIT_USAGE : 0;
  }
  const two = COMMANDS[`${first} ${second}`];
  if (two) return two.run(rest, io);
  const one = COMMANDS[first];
  if (one) return one.run(argv.slice(1), io);
  io.err(`patuh: unknown command "${first}"\n${usage()}`);
  return EXIT_USAGE;
}

function processIo(): ServerCliIo {
  return {
    out: (s) => process.stdout.write(`${s}\n`),
    err: (s) => process.stderr.write(`${s}\n`),
    env: process.env,
    cwd: process.cwd(),
    readStdin: () => readAllStdin(process.stdin),
    untilStopped: () =>
      new Promise((resolve) => {
        const stop = (signal: string) => resolve(signal);
        process.once("SIGINT", () => stop("SIGINT"));
        process.once("SIGTERM", () => stop("SIGTERM"));
      }),
  };
}

export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  try {
    process.exitCode = await runCli(argv, processIo());
  } catch (e) {
    console.error("patuh: unexpected error:", e);
    process.exitCode = 1;
  }
  // Open handles (PGlite workers, stdin) must not keep a finished command alive.
  setImmediate(() => process.exit());
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) void main();
