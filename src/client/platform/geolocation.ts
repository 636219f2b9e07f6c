// The visit's GPS fix. Never blocks the visit: a denied permission, no fix within the timeout or a
// browser without geolocation all resolve to null, and the assessor carries on.
export interface Fix {
  lat: number;
  lon: number;
  accuracyM: number;
}

export const GPS_TIMEOUT_MS = 15_000;

export function locate(timeoutMs = GPS_TIMEOUT_MS): Promise<Fix | null> {
  if (typeof navigator === "undefined" || !navigator.geolocation) return Promise.resolve(null);
  return new Promise((resolve) => {
    // Some browsers never call back when the permission prompt is ignored: our own timer ends it.
    const timer = setTimeout(() => resolve(null), timeoutMs + 1000);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        clearTimeout(timer);
        resolve({
          lat: position.coords.latitude,
          lon: position.coords.longitude,
          accuracyM: Math.round(position.coords.accuracy * 10) / 10,
        });
      },
      () => {
        clearTimeout(timer);
        resolve(null);
      },
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 60_000 },
    );
  });
}
