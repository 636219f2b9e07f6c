// The review area for the supervisor (and admin): progress overview, review queue and screen, results, rapor. Online screens; rendered outside the DeviceGate.
import type { Area } from "./area";

export const reviewArea: Area = {
  match: () => undefined,
  nav: () => [],
};
