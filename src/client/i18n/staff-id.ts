// Indonesian texts of the staff areas (supervisor and admin screens: review, desk, planning
// administration, master data, national, rapor, audit, the form kit). Loaded with the staff UI
// (i18n.ts: useStaffTexts), never on an assessor's first download. A new area whose screens are
// staff-only is registered HERE (and in staff-en.ts); one an assessor's screens use goes in
// messages-id.ts / messages-en.ts.
import { adminMessagesId } from "./areas/admin-id";
import { auditMessagesId } from "./areas/audit-id";
import { deskMessagesId } from "./areas/desk-id";
import { formKitMessagesId } from "./areas/formkit-id";
import { locusDataMessagesId } from "./areas/locusdata-id";
import { masterDataMessagesId } from "./areas/masterdata-id";
import { masterFormMessagesId } from "./areas/masterforms-id";
import { nationalMessagesId } from "./areas/national-id";
import { previewMessagesId } from "./areas/preview-id";
import { raporMessagesId } from "./areas/rapor-id";
import { reviewMessagesId } from "./areas/review-id";
import { tableMessagesId } from "./areas/tables-id";

export const staffMessagesId = {
  ...reviewMessagesId,
  ...deskMessagesId,
  ...adminMessagesId,
  ...auditMessagesId,
  ...masterDataMessagesId,
  ...masterFormMessagesId,
  ...locusDataMessagesId,
  ...nationalMessagesId,
  ...raporMessagesId,
  ...formKitMessagesId,
  ...tableMessagesId,
  ...previewMessagesId,
};

export type StaffMessageKey = keyof typeof staffMessagesId;
