// English texts of the staff areas, loaded only when English is chosen and a staff screen is open.
// Typed against the Indonesian ones (staff-id.ts), so a missing or extra key fails the build.
import { adminMessagesEn } from "./areas/admin-en";
import { auditMessagesEn } from "./areas/audit-en";
import { deskMessagesEn } from "./areas/desk-en";
import { formKitMessagesEn } from "./areas/formkit-en";
import { locusDataMessagesEn } from "./areas/locusdata-en";
import { masterDataMessagesEn } from "./areas/masterdata-en";
import { masterFormMessagesEn } from "./areas/masterforms-en";
import { nationalMessagesEn } from "./areas/national-en";
import { previewMessagesEn } from "./areas/preview-en";
import { raporMessagesEn } from "./areas/rapor-en";
import { reviewMessagesEn } from "./areas/review-en";
import { tableMessagesEn } from "./areas/tables-en";
import type { StaffMessageKey } from "./staff-id";

export const staffMessagesEn: Record<StaffMessageKey, string> = {
  ...reviewMessagesEn,
  ...deskMessagesEn,
  ...adminMessagesEn,
  ...auditMessagesEn,
  ...masterDataMessagesEn,
  ...masterFormMessagesEn,
  ...locusDataMessagesEn,
  ...nationalMessagesEn,
  ...raporMessagesEn,
  ...formKitMessagesEn,
  ...tableMessagesEn,
  ...previewMessagesEn,
};
