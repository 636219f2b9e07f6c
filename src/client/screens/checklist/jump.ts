// Jumping to an item from the "Yang belum lengkap" list: scroll it into view and move focus into it
// (the first control that is not yet answered, else the item itself), so keyboard and screen-reader
// users land where sighted users look.
import type { Problem } from "../../../domain";
import { anchorId } from "./model";

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

export function jumpTo(id: string): void {
  const element = document.getElementById(id);
  if (!element) return;
  element.scrollIntoView({ block: "start" });
  const control =
    element.querySelector<HTMLElement>("input:not(:checked), textarea, select, button") ?? element;
  control.focus({ preventScroll: true });
}
