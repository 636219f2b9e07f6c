// The supervisor's comments next to the item they are about (returned checklists).
import { useChecklist } from "./checklist-context";

export function ReviewNotes({ texts }: { texts: readonly string[] }) {
  const { t } = useChecklist();
  if (texts.length === 0) return null;
  return (
    <div class="review-note" data-testid="review-comment">
      <p class="review-note__title">{t("reviewComment")}</p>
      {texts.map((text, i) => (
        <p key={i}>{text}</p>
      ))}
    </div>
  );
}
