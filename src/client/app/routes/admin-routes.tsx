// The admin area for the admin: offices, users, instruments, banding schemes, periods. Online screens; rendered outside the DeviceGate.
import type { Area } from "./area";

export const adminArea: Area = {
  match: () => undefined,
  nav: () => [],
};
