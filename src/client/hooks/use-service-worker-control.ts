import { useEffect, useState } from "preact/hooks";

function controlled(): boolean {
  return "serviceWorker" in navigator && navigator.serviceWorker.controller !== null;
}

/**
 * Whether a service worker controls this page, i.e. the app shell is cached and the app will open
 * with no network. Turns true on the first visit once the worker claims the page (clientsClaim).
 */
export function useServiceWorkerControl(): boolean {
  const [value, setValue] = useState(controlled);
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    const update = () => setValue(controlled());
    update();
    navigator.serviceWorker.addEventListener("controllerchange", update);
    return () => navigator.serviceWorker.removeEventListener("controllerchange", update);
  }, []);
  return value;
}
