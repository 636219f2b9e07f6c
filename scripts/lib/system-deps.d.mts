export const CHROMIUM_PATH: string;
export function findPgBin(): string | null;
export function ensureSystemDeps(options?: {
  chromium?: boolean;
  postgres?: boolean;
  haproxy?: boolean;
}): void;
