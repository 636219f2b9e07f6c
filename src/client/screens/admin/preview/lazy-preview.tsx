// The instrument preview, fetched on first use: the checklist parts it renders stay out of the admin
// screens' own chunk until an admin asks for a preview.
import { lazyScreen } from "../../../app/lazy-screen";
import type { InstrumentPreviewProps } from "./instrument-preview";

export const LazyInstrumentPreview = lazyScreen<InstrumentPreviewProps>(() =>
  import("./instrument-preview").then((m) => m.InstrumentPreview),
);
