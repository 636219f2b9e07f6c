// The domain names the checklist's pure helpers use, in one place.
export {
  buildAnswerKey,
  GENERAL_NOTE_KEY,
  type IndicatorEntry,
  type LevelId,
  type MediaPart,
} from "../../../domain";

export interface ReviewCommentLike {
  key: string;
  text: string;
  revision: number;
}
