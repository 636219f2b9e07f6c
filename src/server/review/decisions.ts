/**
 * The review decisions of an assessment, grouped from its reviewComments (each decision is one
 * `general` entry carrying `decision`, followed by its per-key comments with the same author,
 * time and revision). Pure; owns nothing.
 */
import type { ReviewComment } from "../../domain/sync/protocol";

export interface ReviewDecision {
  decision: "approve" | "return" | "undo_approval";
  by: string;
  at: string;
  /** The revision the supervisor decided on. */
  revision: number;
  comment: string;
  itemComments: { key: string; text: string }[];
}

export function reviewDecisions(comments: readonly ReviewComment[]): ReviewDecision[] {
  const out: ReviewDecision[] = [];
  for (const c of comments) {
    const last = out[out.length - 1];
    if (c.key === "general" && c.decision !== undefined) {
      out.push({
        decision: c.decision,
        by: c.by,
        at: c.at,
        revision: c.revision,
        comment: c.text,
        itemComments: [],
      });
    } else if (last !== undefined && last.by === c.by && last.at === c.at && last.revision === c.revision) {
      last.itemComments.push({ key: c.key, text: c.text });
    }
  }
  return out;
}

/**
 * The decisions plus every undone approval (history action `review.undo_approval`, which carries
 * no review comment), in time order: the review trail the screen shows.
 */
export function reviewTrail(
  comments: readonly ReviewComment[],
  history: readonly { action: string; key: string; userId: string; at: string; revision: number }[],
): ReviewDecision[] {
  const undos: ReviewDecision[] = history
    .filter((h) => h.action === "review.undo_approval" && h.key === "status")
    .map((h) => ({
      decision: "undo_approval",
      by: h.userId,
      at: h.at,
      revision: h.revision - 1,
      comment: "",
      itemComments: [],
    }));
  return [...reviewDecisions(comments), ...undos].sort((a, b) => a.revision - b.revision);
}
