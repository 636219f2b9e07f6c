/**
 * Prometheus metrics of this process, in the text exposition format (no client library: a few
 * counters, one histogram family and gauges read at scrape time are all the endpoint needs).
 *
 * Owns: the process-wide counters. Invariant: label values come from a fixed vocabulary (route
 * PATTERNS, not raw paths; methods; status codes; "applied|duplicate|rejected"), so the series
 * count stays bounded whatever clients send.
 */

/** Latency buckets in seconds: sync pushes are tens of ms, exports and uploads seconds. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

type Labels = Record<string, string>;

function key(labels: Labels): string {
  return Object.entries(labels)
    .map(([k, v]) => `${k}="${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`)
    .join(",");
}

class Counter {
  readonly values = new Map<string, number>();
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}
  inc(labels: Labels, by = 1): void {
    const k = key(labels);
    this.values.set(k, (this.values.get(k) ?? 0) + by);
  }
  get(labels: Labels): number {
    return this.values.get(key(labels)) ?? 0;
  }
  render(): string[] {
    const out = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    for (const [k, v] of this.values) out.push(`${this.name}${k ? `{${k}}` : ""} ${v}`);
    return out;
  }
}

class Histogram {
  private readonly series = new Map<string, { counts: number[]; sum: number; count: number }>();
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}
  observe(labels: Labels, seconds: number): void {
    const k = key(labels);
    let s = this.series.get(k);
    if (s === undefined) {
      s = { counts: BUCKETS.map(() => 0), sum: 0, count: 0 };
      this.series.set(k, s);
    }
    for (let i = 0; i < BUCKETS.length; i++)
      if (seconds <= (BUCKETS[i] ?? 0)) s.counts[i] = (s.counts[i] ?? 0) + 1;
    s.sum += seconds;
    s.count++;
  }
  render(): string[] {
    const out = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const [k, s] of this.series) {
      const sep = k ? "," : "";
      BUCKETS.forEach((b, i) => {
        out.push(`${this.name}_bucket{${k}${sep}le="${b}"} ${s.counts[i]}`);
      });
      out.push(`${this.name}_bucket{${k}${sep}le="+Inf"} ${s.count}`);
      out.push(`${this.name}_sum${k ? `{${k}}` : ""} ${s.sum}`);
      out.push(`${this.name}_count${k ? `{${k}}` : ""} ${s.count}`);
    }
    return out;
  }
}

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

export class Metrics {
  readonly requests = new Counter(
    "patuh_http_requests_total",
    "HTTP requests by route pattern, method and status.",
  );
  readonly latency = new Histogram(
    "patuh_http_request_duration_seconds",
    "HTTP request latency until the response headers, by route pattern and method.",
  );
  readonly mutations = new Counter(
    "patuh_sync_mutations_total",
    "Pushed sync mutations by result (applied, duplicate, rejected).",
  );
  readonly evidenceBytes = new Counter(
    "patuh_evidence_bytes_total",
    "Evidence bytes received (in: verified uploads) and sent (out: downloads).",
  );
  readonly evidenceUnavailable = new Counter(
    "patuh_evidence_store_unavailable_total",
    "Evidence requests answered 503 because the store could not be reached.",
  );
  private poolStats: (() => PoolStats) | null = null;
  private inFlight = 0;

  /** The database pool to report (serve sets it; PGlite's pool is one connection). */
  watchPool(stats: () => PoolStats): void {
    this.poolStats = stats;
  }

  started(): void {
    this.inFlight++;
  }
  finished(): void {
    this.inFlight--;
  }
  requestsInFlight(): number {
    return this.inFlight;
  }

  render(): string {
    const lines = [
      ...this.requests.render(),
      ...this.latency.render(),
      ...this.mutations.render(),
      ...this.evidenceBytes.render(),
      ...this.evidenceUnavailable.render(),
      "# HELP patuh_http_requests_in_flight Requests being handled now.",
      "# TYPE patuh_http_requests_in_flight gauge",
      `patuh_http_requests_in_flight ${this.inFlight}`,
    ];
    const pool = this.poolStats?.();
    if (pool) {
      lines.push(
        "# HELP patuh_db_pool_connections Database pool connections by state.",
        "# TYPE patuh_db_pool_connections gauge",
        `patuh_db_pool_connections{state="total"} ${pool.total}`,
        `patuh_db_pool_connections{state="idle"} ${pool.idle}`,
        "# HELP patuh_db_pool_waiting Queries waiting for a pool connection.",
        "# TYPE patuh_db_pool_waiting gauge",
        `patuh_db_pool_waiting ${pool.waiting}`,
      );
    }
    const mem = process.memoryUsage();
    lines.push(
      "# HELP process_resident_memory_bytes Resident memory size in bytes.",
      "# TYPE process_resident_memory_bytes gauge",
      `process_resident_memory_bytes ${mem.rss}`,
      "# HELP process_uptime_seconds Seconds since the process started.",
      "# TYPE process_uptime_seconds gauge",
      `process_uptime_seconds ${process.uptime()}`,
    );
    return `${lines.join("\n")}\n`;
  }
}

/** This process's metrics (Prometheus scrapes each process; the proxy config names them all). */
export const metrics = new Metrics();
