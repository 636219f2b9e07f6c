/** The route modules mounted under /api/v1, in order. Append new resources here. */
import type { RouteModule } from "../context";
import { adminInstrumentSheetRoutes } from "./admin-instrument-sheets";
import { adminInstrumentRoutes } from "./admin-instruments";
import { adminOfficeRoutes } from "./admin-offices";
import { adminPeriodRoutes } from "./admin-periods";
import { adminSchemeRoutes } from "./admin-schemes";
import { adminUserRoutes } from "./admin-users";
import { assessmentReadRoutes } from "./assessment-read";
import { auditRoutes } from "./audit";
import { evidenceRoutes } from "./evidence";
import { evidenceThumbnailRoutes } from "./evidence-thumbnail";
import { exportRoutes } from "./exports";
import { peopleExportRoutes } from "./exports-people";
import { historyRoutes } from "./history";
import { letterheadRoutes } from "./letterheads";
import { locusDataRoutes } from "./locus-data";
import { masterDataRoutes } from "./master-data";
import { masterDataFormRoutes } from "./master-data-forms";
import { periodRoutes } from "./periods";
import { planningRoutes } from "./planning";
import { progressRoutes } from "./progress";
import { resultsRoutes } from "./results";
import { reviewRoutes } from "./review";
import { reviewQueueRoutes } from "./review-queue";
import { roundRoutes } from "./rounds";
import { secondFactorRoutes } from "./second-factor";
import { sessionRoutes } from "./session";
import { syncRoutes } from "./sync";

export const ROUTE_MODULES: RouteModule[] = [
  sessionRoutes,
  syncRoutes,
  evidenceRoutes,
  assessmentReadRoutes,
  reviewRoutes,
  resultsRoutes,
  exportRoutes,
  adminOfficeRoutes,
  adminUserRoutes,
  adminInstrumentRoutes,
  adminSchemeRoutes,
  adminPeriodRoutes,
  periodRoutes,
  progressRoutes,
  planningRoutes,
  reviewQueueRoutes,
  evidenceThumbnailRoutes,
  peopleExportRoutes,
  roundRoutes,
  historyRoutes,
  masterDataRoutes,
  masterDataFormRoutes,
  letterheadRoutes,
  auditRoutes,
  locusDataRoutes,
  adminInstrumentSheetRoutes,
  secondFactorRoutes,
];
