// English texts of the desk tables' filters (issue #20).
import type { tableMessagesId } from "./tables-id";

export const tableMessagesEn: Record<keyof typeof tableMessagesId, string> = {
  tableFilterPemda: "Search local government",
  tableFilterUnit: "Search service unit",
  tableFilterLocus: "Search locus or office",
  tableFilterPredicate: "Predicate",
  tableFilterResult: "Result",
  tableShown: "{shown} of {total} shown",
  tableNoMatch: "No row matches this filter.",
  tableColumnPlanned: "Planned visit",
  tableColumnStatus: "Status",
  tableApprovalUndone: "Approval undone",
  tableNoScore: "No score yet",
};
