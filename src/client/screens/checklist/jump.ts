// Jumping to an item (from "Yang belum lengkap", the returned banner, "next unanswered"): the open
// sheet registers how to bring an item on screen (open its section, switch to the by-question view),
// then the item is scrolled into view and focus moves into it (the first control that is not yet
// answered, else the item itself), so keyboard and screen-reader users land where sighted users look.
import type { Problem } from "../../../domain";
import { anchorId } from "./model";
import { reveal } from "./sheet-nav";

export function targetOf(problem: Problem): string {
  if (problem.key !== null) {
    // A part key (#physical) has its own anchor; other problems sit on the instance block.
    return anchorId(problem.key);
  }
  if (problem.code === "too_few_products") return "section-products";
  if (problem.code === "too_few_respondents") return "section-respondents";
  if (problem.code === "missing_call_time" || problem.code === "mode_not_allowed")
    return "section-respondents";
  if (problem.dimensionId) return `dim-${problem.dimensionId}`;
  return "section-products";
}

type Navigator = (target: { key: string } | { elementId: string; sectionId?: string }) => void;
let navigator: Navigator | null = null;

/** The open sheet says how to reach an item that may not be rendered; null when it closes. */
export function setNavigator(next: Navigator | null): void {
  navigator = next;
}

/** Goes to an answer or instance key, opening its section first. */
export function jumpToKey(key: string): void {
  if (navigator) navigator({ key });
  else jumpTo(anchorId(key));
}

/** Goes to the place a completeness problem names. */
export function jumpToProblem(problem: Problem): void {
  if (problem.key !== null) jumpToKey(problem.key);
  else if (navigator && problem.dimensionId)
    navigator({ elementId: targetOf(problem), sectionId: problem.dimensionId });
  else jumpTo(targetOf(problem));
}

export function jumpTo(id: string): void {
  const element = document.getElementById(id);
  if (element) reveal(element);
}
