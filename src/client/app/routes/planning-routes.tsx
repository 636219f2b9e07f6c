// The planning area for the supervisor (and admin): period plans, unit samples, teams. Online screens; rendered outside the DeviceGate.
import type { Area } from "./area";

export const planningArea: Area = {
  match: () => undefined,
  nav: () => [],
};
