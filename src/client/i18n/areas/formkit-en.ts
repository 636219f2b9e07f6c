// English texts of the form kit; typed against the Indonesian ones.
import type { formKitMessagesId } from "./formkit-id";

export const formKitMessagesEn: Record<keyof typeof formKitMessagesId, string> = {
  fkSave: "Save",
  fkSaving: "Saving…",
  fkCancel: "Cancel",
  fkSummary: "Please check these fields:",
  fkUnsaved: "There are unsaved changes.",
  fkDiscardQuestion: "Discard the unsaved changes?",
  fkDiscard: "Discard changes",
  fkKeepEditing: "Keep editing",
  fkErrRequired: "Required.",
  fkErrInvalid: "Not a valid value.",
  fkErrTaken: "Already in use; choose another.",
  fkErrNotFound: "Not found (someone may have changed it). Reload the page.",
  fkErrForbidden: "You are not allowed to do this.",
  fkErrNetwork: "No connection to the server; try again.",
  fkErrTooLarge: "Too large.",
  fkErrUnexpected: "Something went wrong ({code}). Try again.",
};
