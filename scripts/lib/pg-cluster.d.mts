export interface PgCluster {
  url: string;
  port: number;
  pid: number;
  stop(): void;
}
export function startPgCluster(): Promise<PgCluster>;
