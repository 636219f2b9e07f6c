/**
 * The ordered list of migrations. Append new ones at the end (002-sync, 003-…); versions must be
 * 1, 2, 3 … without gaps (checked at start).
 */
import { migration001 } from "./001-foundation";
import { migration002 } from "./002-sync";
import { migration003 } from "./003-scores";
import { migration004 } from "./004-planning";
import { migration005 } from "./005-desk";
import { migration006 } from "./006-national";
import { migration007 } from "./007-incremental-pull";
import { migration008 } from "./008-hardening";
import { migration009 } from "./009-master-data";
import { migration010 } from "./010-echo-free-pull";
import { migration011 } from "./011-period-names";
import { migration012 } from "./012-audit";
import { migration013 } from "./013-secondary-data";
import { migration014 } from "./014-second-factor";
import { migration015 } from "./015-evidence-capture-time";
import type { Migration } from "./types";

export type { Migration } from "./types";

export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
  migration012,
  migration013,
  migration014,
  migration015,
];
