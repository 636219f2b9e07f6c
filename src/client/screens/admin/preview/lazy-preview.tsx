// The instrument preview, fetched on first use: its code, and the checklist parts it renders (taken
// from the assessor screen's own chunk, see checklist/sheet-parts.ts), stay out of the admin
// screens' chunk until an admin asks for a preview.
import { lazyScreen } from "../../../app/lazy-screen";
import type { InstrumentPreviewProps } from "./instrument-preview";

export const LazyInstrumentPreview = lazyScreen<InstrumentPreviewProps>(async () => {
  const [{ sheetParts }, { previewWith }] = await Promise.all([
    import("../../assessment-screen"),
    import("./instrument-preview"),
  ]);
  return previewWith(sheetParts);
});
