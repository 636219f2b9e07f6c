// What an edit of the sheet needs and its first paint does not: the mutation recorder (with the
// shared reducer, the mutation schemas and valibot), photo storing and resizing. Loaded by
// use-editor.ts once the sheet has shown its data (or at the first tap, whichever comes first), so
// the checklist route's first download stays within its budget (issue #20: ≤ 100 KiB gzip). The
// chunk is precached by the service worker like every other, so editing offline is unaffected.
export { recordMutation, recordWith, setAnswer, setNote } from "../../db/edits";
export { storeEvidence } from "../../db/evidence";
export { preparePhoto } from "../../platform/photo";
