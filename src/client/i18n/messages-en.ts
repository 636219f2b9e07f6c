import type { Messages } from "./messages-id";

// English. Typed against the Indonesian dictionary, so a missing or extra key fails the build.
export const messagesEn: Messages = {
  appName: "Patuh",
  appTagline: "Compliance Assessment",
  loading: "Loading…",
  loadFailed: "This screen could not be loaded. Reload the app when online.",
  skipToContent: "Skip to content",

  loginTitle: "Log in",
  loginIntro:
    "Log in with your Ombudsman RI account. The first login needs a network; after that Patuh also opens offline.",
  username: "Username",
  password: "Password",
  showPassword: "Show password",
  loginSubmit: "Log in",
  loginBusy: "Logging in…",
  errorRequired: "Enter your username and password.",
  errorInvalidCredentials: "Wrong username or password.",
  errorRateLimited: "Too many login attempts. Wait 15 minutes, then try again.",
  errorNetwork: "No connection. Check the network, then try again.",
  errorServer: "The server has a problem. Try again in a moment.",
  errorUnexpected: "Something went wrong: {code}. Try again.",
  sessionExpired: "Your session has ended. Please log in again. The data on this device is kept.",

  homeTitle: "Home",
  welcome: "Welcome",
  role: "Role",
  office: "Representative office",
  roleAssessor: "Assessor (Penilai)",
  roleSupervisor: "Supervisor / Quality assurance",
  roleAdmin: "Admin",
  assignmentsTitle: "Assignments",
  assignmentsEmpty: "Your assignments will appear here after synchronisation.",

  online: "Online",
  offline: "Offline",
  connectionStatus: "Connection status",

  language: "Language",

  logout: "Log out",
  logoutBusy: "Logging out…",
  logoutOfflineWarning:
    "You are offline. After logging out you can only log in again when online. The data on this device is kept.",
  logoutConfirm: "Log out anyway",
  cancel: "Cancel",

  assessmentTitle: "Assessment checklist",
  assessmentPlaceholder: "Checklist {id} will be available here.",
  backHome: "Back to Home",

  notFoundTitle: "Page not found",
  notFoundBody: "This address does not exist in Patuh.",

  updateAvailable: "New version available — reload",
  updateReload: "Reload",

  version: "Version {build}",
};
