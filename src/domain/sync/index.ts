// Public surface of the sync protocol: types, strict schemas, the reducer and rebase.
export * from "./apply";
export * from "./protocol";
export * from "./rebase";
export * from "./schemas";
