/** Build id, compiled in by vite.config.ts `define` (PATUH_BUILD_ID or the build time). */
declare const __PATUH_BUILD_ID__: string;
