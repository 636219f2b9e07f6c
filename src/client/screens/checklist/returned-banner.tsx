// The banner of a returned checklist: the supervisor's general comment, then every commented item by
// its question (not its code), each a button that jumps to the item, so the assessor can work
// through the list without hunting through the sheet.
import { GENERAL_NOTE_KEY, indicatorById, parseAnswerKey } from "../../../domain";
import { useChecklist } from "./checklist-context";
import { jumpToKey } from "./jump";

export function ReturnedBanner() {
  const { t, comments, instrument, local } = useChecklist();
  const general = comments.get(GENERAL_NOTE_KEY) ?? [];
  const items = [...comments.entries()]
    .filter(([key]) => key !== GENERAL_NOTE_KEY)
    .map(([key, texts]) => {
      const parsed = parseAnswerKey(key);
      const entry = parsed.ok ? indicatorById(instrument, parsed.key.indicatorId) : undefined;
      return {
        key,
        code: entry?.indicator.id ?? key,
        question: entry ? local(entry.indicator.question) : key,
        position: entry?.position ?? Number.MAX_SAFE_INTEGER,
        texts,
      };
    })
    .sort((a, b) => a.position - b.position || a.key.localeCompare(b.key));
  return (
    <div class="notice notice--warning" role="note" data-testid="returned-banner">
      <p>{t("returnedBanner")}</p>
      {general.map((text, i) => (
        <p key={i} class="returned__comment">
          {text}
        </p>
      ))}
      {items.length > 0 && (
        <>
          <p class="returned__items-title">{t("returnedItemsTitle", { count: String(items.length) })}</p>
          <ul class="returned__items" data-testid="returned-items">
            {items.map((item) => (
              <li key={item.key}>
                <button type="button" class="link-button" onClick={() => jumpToKey(item.key)}>
                  <span class="returned__code">{item.code}</span> {item.question}
                </button>
                {item.texts.map((text, i) => (
                  <p key={i} class="returned__comment">
                    {text}
                  </p>
                ))}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
