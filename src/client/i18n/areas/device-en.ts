// English texts of the device panel; typed against the Indonesian ones so no key goes missing.
import type { deviceMessagesId } from "./device-id";

export const deviceMessagesEn: Record<keyof typeof deviceMessagesId, string> = {
  deviceTitle: "This device",
  deviceInstalled: "The app is installed on the home screen.",
  deviceNotInstalled: "The app runs in the browser and is not installed on the home screen.",
  deviceInstallWhy:
    "Install the app on the home screen: Safari may erase the data of a site not opened for a few days, unsent work included.",
  deviceInstallIosTitle: "How to install on iPhone/iPad (Safari)",
  deviceInstallIos1: "Tap the Share button (the square with an arrow up).",
  deviceInstallIos2: "Choose \u201cAdd to Home Screen\u201d.",
  deviceInstallIos3: "Tap \u201cAdd\u201d, then open Patuh from its icon on the home screen.",
  deviceInstallAndroid:
    "On Android: open the browser menu (\u22ee) and choose \u201cInstall app\u201d or \u201cAdd to home screen\u201d.",
  devicePrivate:
    "Private browsing: all work here is lost when the window closes. Use a normal window, or save your work to a file before closing.",
  deviceWorkTitle: "Unsent work",
  deviceWorkCount: "{count} changes not yet sent to the server.",
  deviceWorkNone: "No unsent changes.",
  deviceWorkExplain:
    "Save it to a file before the device is reset or the browser's data is cleared; import that file on another device (logged in with the same account), then sync.",
  deviceExport: "Save to a file",
  deviceExportReady: "File ready: {name}",
  deviceExportDownload: "Download the file",
  deviceImport: "Import from a file",
  deviceImportDone: "Imported: {recorded} changes, {photos} photos. Already there: {skipped}.",
  deviceImportFailed: "The file could not be imported: {reason}",
  deviceImportNotWorkFile: "not a Patuh work file.",
  deviceImportOtherUser: "this file holds another assessor's work.",
  deviceImportPhotoDamaged: "a photo is damaged (it does not match its SHA-256 fingerprint).",
};
