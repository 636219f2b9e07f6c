// Produk Layanan: pick from the unit's suggested products or add one by name; remove (with an inline
// confirmation, since removing drops that product's answers, notes and photos).
import { useContext, useState } from "preact/hooks";
import { requiredCount } from "../../../domain";
import type { PatuhDb } from "../../db/database";
import { getAssignment } from "../../db/synced";
import { DeviceContext } from "../../hooks/use-device";
import { useLiveQuery } from "../../hooks/use-live-query";
import { useChecklist, useSheetState } from "./checklist-context";
import { RemoveButton } from "./remove-button";

/** The supervisor's suggestions for this visit (planning), when the sheet is read on a device. */
function usePlannedProducts(db: PatuhDb | undefined, assignmentId: string): string[] {
  const read = () => (db ? getAssignment(db, assignmentId) : Promise.resolve(undefined));
  return useLiveQuery(read, [db, assignmentId])?.suggestedProducts ?? [];
}

export function ProductsSection({ suggested: catalogue }: { suggested: readonly string[] }) {
  const { instrument, editor, t } = useChecklist();
  const state = useSheetState();
  const planned = usePlannedProducts(useContext(DeviceContext)?.db, state.assignmentId);
  const suggested = [...new Set([...planned, ...catalogue])];
  const [name, setName] = useState("");
  const min = requiredCount(instrument, "product");
  const have = new Set(state.products.map((p) => p.name.trim().toLowerCase()));
  const open = suggested.filter((s) => !have.has(s.trim().toLowerCase()));
  const add = async (productName: string) => {
    const trimmed = productName.trim();
    if (trimmed === "") return;
    if (await editor.putProduct({ id: crypto.randomUUID(), name: trimmed })) setName("");
  };
  return (
    <section
      class="sheet-section"
      id="section-products"
      data-anchor="section-products"
      aria-labelledby="products-title"
    >
      <h2 id="products-title" tabIndex={-1}>
        {t("productsTitle")}
      </h2>
      <p class="lead">{t("productsHint", { min: String(min), count: String(state.products.length) })}</p>
      <ul class="chips" data-testid="products">
        {state.products.map((p) => (
          <li key={p.id} class="chip" data-product={p.name}>
            <span>{p.name}</span>
            <RemoveButton what={p.name} onConfirm={() => void editor.removeProduct(p.id)} />
          </li>
        ))}
      </ul>
      {open.length > 0 && (
        <div class="suggested">
          <p class="suggested__title">{t("productsSuggested")}</p>
          <div class="button-row">
            {open.map((s) => (
              <button
                key={s}
                type="button"
                class="button"
                aria-label={t("productAddSuggested", { name: s })}
                onClick={() => void add(s)}
              >
                + {s}
              </button>
            ))}
          </div>
        </div>
      )}
      <form
        class="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          void add(name);
        }}
      >
        <div class="field">
          <label for="product-name">{t("productName")}</label>
          <input
            id="product-name"
            type="text"
            maxLength={200}
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </div>
        <button type="submit" class="button" disabled={name.trim() === ""}>
          {t("productAdd")}
        </button>
      </form>
    </section>
  );
}
