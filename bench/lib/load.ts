import autocannon from 'autocannon';

/** Closed-loop HTTP load from this process (autocannon): a fixed number of connections, as fast as answered. */
export interface LoadOptions {
  url: string;
  connections: number;
  seconds: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /**
   * Varies the requests: the nth request sent (over all connections) takes these headers (merged over
   * `headers`) and body, e.g. a different search string or a different signed-in person each time.
   */
  vary?: (n: number) => { headers?: Record<string, string>; body?: string };
}

export interface LoadResult {
  /** Successful (2xx) responses per second. */
  rps: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  failures: number;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const { vary } = options;
  let sent = 0;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    method: options.method ?? 'GET',
    headers: options.headers ?? {},
    timeout: 10,
    ...(options.body === undefined ? {} : { body: options.body }),
    ...(vary
      ? {
          requests: [
            {
              setupRequest: (request: autocannon.Request) => {
                const next = vary(sent++);
                return {
                  ...request,
                  headers: { ...request.headers, ...next.headers },
                  ...(next.body === undefined ? {} : { body: next.body }),
                };
              },
            },
          ],
        }
      : {}),
  });
  const failures = result.errors + result.timeouts + result.non2xx;
  return {
    rps: result['2xx'] / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    failures,
  };
}
