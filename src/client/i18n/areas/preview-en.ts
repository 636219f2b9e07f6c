// English texts of the admin's instrument preview; typed against the Indonesian ones.
import type { previewMessagesId } from "./preview-id";

export const previewMessagesEn: Record<keyof typeof previewMessagesId, string> = {
  pvTitle: "Checklist preview",
  pvIntro:
    "This is how an assessor will see this instrument's checklist. Inputs are disabled: nothing is saved or sent.",
  pvOpen: "Preview",
  pvOpenLabel: "Preview {id} version {version}",
  pvClose: "Close preview",
  pvLoading: "Loading the preview…",
  pvInvalid: "This instrument cannot be previewed ({count} problems): {first}",
  pvSampleProduct: "Sample product",
  pvRolesTitle: "Respondent groups",
  pvRole: "Group",
  pvKind: "List",
  pvKindOfficial: "Officials",
  pvKindUser: "Service users",
  pvQuota: "Quota",
  pvScope: "Scope",
  pvScopeUnit: "per unit",
  pvScopeLocus: "per locus (shared by the locus's units)",
  pvModes: "Interview",
  pvModeOnSite: "on site",
  pvModePhone: "phone",
  pvFormat1Roles: "Officials: {official} per unit · Service users: {user} per unit",
  pvSectionsTitle: "Checklist sections ({sections} sections, {indicators} indicators)",
  pvSectionsHint: "Tap a section's title to open it, as on the assessor's device.",
  pvPhoneItem: "Interview of {role}: may be by phone",
  pvSecondaryItem: "Filled from secondary data",
};
