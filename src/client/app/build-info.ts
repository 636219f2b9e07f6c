/** Id of the build this code came from (vite.config.ts). Shown in the footer and on <html data-build>. */
export const BUILD_ID: string = __PATUH_BUILD_ID__;
