export const CHROMIUM_PATH: string;
export const FIREFOX_PATH: string;
export function findPgBin(): string | null;
export function ensureSystemDeps(options?: {
  chromium?: boolean;
  postgres?: boolean;
  firefox?: boolean;
  webkit?: boolean;
  haproxy?: boolean;
}): void;
