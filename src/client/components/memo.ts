// memo() without preact/compat: the same bail-out (Preact's core honours shouldComponentUpdate on a
// function component's instance, which is what compat's memo sets), but without compat's other
// ~1.7 KiB gzip on the checklist route (issue #20: checklist route ≤ 100 KiB). No ref forwarding:
// none of the memoised checklist parts takes a ref.
import { createElement, type FunctionComponent } from "preact";

function shallowDiffers(a: object, b: object): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const key in x) if (x[key] !== y[key]) return true;
  for (const key in y) if (!(key in x)) return true;
  return false;
}

/** Renders `component` again only when `same(before, after)` is false (shallow props by default). */
export function memo<P extends object>(
  component: FunctionComponent<P>,
  same?: (before: P, after: P) => boolean,
): FunctionComponent<P> {
  function shouldUpdate(this: { props: P }, next: P): boolean {
    return same ? !same(this.props, next) : shallowDiffers(this.props, next);
  }
  function Memoed(this: { shouldComponentUpdate?: (next: P) => boolean }, props: P) {
    this.shouldComponentUpdate = shouldUpdate;
    return createElement(component, props);
  }
  Memoed.displayName = `Memo(${component.displayName ?? component.name})`;
  return Memoed as FunctionComponent<P>;
}
