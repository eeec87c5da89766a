import WebSocket from 'ws';

/**
 * A minimal graphql-ws client for tests (the `graphql-transport-ws` subprotocol): connect with a session
 * cookie or a connection_init token, subscribe, and collect what the server sends.
 */
export interface SubscriptionError {
  message: string;
  extensions?: { code?: string };
}

export interface SubscriptionMessage {
  id?: string;
  type: string;
  /** A `next` result; on an `error` message, graphql-ws sends the errors as an array instead (see `errors`). */
  payload?: {
    data?: Record<string, unknown> | null;
    errors?: SubscriptionError[];
  } & Record<string, unknown>;
}

export interface Socket {
  /** Every message received after connection_ack, in order. */
  messages: SubscriptionMessage[];
  /** Why the connection ended, once it has. */
  closed: Promise<{ code: number; reason: string }>;
  subscribe(id: string, query: string, variables?: Record<string, unknown>): void;
  complete(id: string): void;
  /** The `next` payloads' data of one subscription. */
  data(id: string): Record<string, unknown>[];
  /** The errors one subscription received: those of an `error` message and those inside `next` results. */
  errors(id: string): SubscriptionError[];
  waitFor(predicate: (messages: SubscriptionMessage[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function connect(
  httpUrl: string,
  auth: { token?: string; cookie?: string; origin?: string } = {},
): Promise<Socket> {
  const url = `${httpUrl.replace(/^http/, 'ws')}/graphql`;
  const headers: Record<string, string> = {};
  if (auth.cookie) headers.cookie = auth.cookie;
  const ws = new WebSocket(url, 'graphql-transport-ws', {
    headers,
    ...(auth.origin ? { origin: auth.origin } : {}),
  });
  const messages: SubscriptionMessage[] = [];
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  let acked: (value: boolean) => void = () => {};
  const ack = new Promise<boolean>((resolve) => {
    acked = resolve;
  });
  ws.on('message', (raw) => {
    const message = JSON.parse(raw.toString()) as SubscriptionMessage;
    if (message.type === 'connection_ack') acked(true);
    else if (message.type === 'ping') ws.send(JSON.stringify({ type: 'pong' }));
    else messages.push(message);
  });
  ws.on('error', () => acked(false));
  void closed.then(() => acked(false));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => {
      reject(new Error(`upgrade refused: ${res.statusCode}`));
      // Handled here, so ws leaves the handshake open: end it, so the socket closes.
      res.resume();
      ws.terminate();
    });
  });
  ws.send(JSON.stringify({ type: 'connection_init', payload: auth.token ? { token: auth.token } : {} }));
  if (!(await ack)) throw new Error(`connection refused: ${JSON.stringify(messages)}`);

  const socket: Socket = {
    messages,
    closed,
    subscribe(id, query, variables) {
      ws.send(
        JSON.stringify({ id, type: 'subscribe', payload: { query, ...(variables ? { variables } : {}) } }),
      );
    },
    complete(id) {
      ws.send(JSON.stringify({ id, type: 'complete' }));
    },
    data: (id) =>
      messages
        .filter((m) => m.id === id && m.type === 'next' && m.payload?.data)
        .map((m) => m.payload!.data as Record<string, unknown>),
    errors: (id) =>
      messages.flatMap((m) => {
        const payload: unknown = m.payload;
        if (m.id !== id || !payload) return [];
        if (Array.isArray(payload)) return m.type === 'error' ? (payload as SubscriptionError[]) : [];
        return m.payload?.errors ?? [];
      }),
    async waitFor(predicate, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(messages)) {
        if (Date.now() > deadline) throw new Error(`timed out; received ${JSON.stringify(messages)}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async close() {
      if (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING) ws.close();
      await closed;
    },
  };
  return socket;
}
