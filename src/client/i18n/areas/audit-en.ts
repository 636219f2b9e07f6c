// English texts of the "Log audit" screen (issue #16).
import type { auditMessagesId } from "./audit-id";

export const auditMessagesEn: Record<keyof typeof auditMessagesId, string> = {
  auditNav: "Audit log",
  auditTitle: "Audit log",
  auditIntro:
    "Every security-relevant action (logins, users, periods, approvals, imports, exports) is recorded here and cannot be changed.",
  auditFrom: "From date",
  auditTo: "To date",
  auditUser: "Username",
  auditAction: "Action",
  auditActionHint: "For example login, user, period, assessment, export.",
  auditFilter: "Apply filter",
  auditDownload: "Download CSV",
  auditMore: "Load more",
  auditNone: "No matching entries.",
  auditColWhen: "When",
  auditColWho: "User",
  auditColWhat: "Action",
  auditColTarget: "Target",
  auditColOutcome: "Outcome",
  auditColWhere: "From",
  auditOutcomeSuccess: "Succeeded",
  auditOutcomeFailure: "Failed",
  auditOutcomeRefused: "Refused",
  auditOutcomeThrottled: "Throttled",
  auditOutcomeError: "Error",
};
