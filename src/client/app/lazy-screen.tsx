import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import { useI18n } from "../i18n/i18n";

/**
 * Wraps a dynamically imported screen (preact/compat's lazy() would bring compat onto the login
 * route). The chunk is in the service worker's precache, so it loads offline too; if it still fails
 * (a deploy removed it mid-session) the user is told to reload rather than shown a blank screen.
 */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;

  return function LazyScreen(props: P) {
    const { t } = useI18n();
    const [, setVersion] = useState(0);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (loaded) return;
      let live = true;
      pending ??= load();
      pending.then(
        (component) => {
          loaded = component;
          if (live) setVersion((n) => n + 1);
        },
        () => {
          pending = undefined;
          if (live) setFailed(true);
        },
      );
      return () => {
        live = false;
      };
    }, []);
    if (loaded) {
      const Screen = loaded;
      return <Screen {...props} />;
    }
    if (failed) {
      return (
        <p class="notice notice--error" role="alert">
          {t("loadFailed")}
        </p>
      );
    }
    return (
      <p class="loading" role="status">
        {t("loading")}
      </p>
    );
  };
}
