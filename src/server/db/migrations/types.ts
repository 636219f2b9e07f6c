import type { Transaction } from "kysely";
import type { Database } from "../types";

/** One forward-only schema step. `version` is its position; never edit a released migration. */
export interface Migration {
  version: number;
  name: string;
  up(trx: Transaction<Database>): Promise<void>;
}
