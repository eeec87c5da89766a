import net from 'node:net';
import { onCleanup } from './cleanup';

/**
 * A TCP proxy in front of PostgreSQL that records the statements a server sends, read from the wire
 * protocol: each simple query ('Q') and each extended-protocol Execute ('E') is one statement, labelled
 * by its leading `/* name *\/` comment (or its first words). It needs nothing from the server or from
 * PostgreSQL: no pg_stat_statements, no statement logging.
 */
export interface SqlCounter {
  /** The proxy's address as host:port, to put in a DATABASE_URL. */
  address: string;
  /** Every statement so far, in order; slice it to get a window. */
  statements(): readonly Statement[];
  stop(): Promise<void>;
}

export interface Statement {
  label: string;
  /** Which proxied connection sent it: transactions are per connection. */
  connection: number;
}

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;

export function statementLabel(sql: string): string {
  const named = /^\s*\/\*\s*([\w.:-]+)\s*\*\//.exec(sql);
  if (named?.[1]) return named[1];
  return sql.trim().replace(/\s+/g, ' ').slice(0, 40);
}

/** One connection's frontend stream: an untyped start-up message, then typed messages. */
class FrontendParser {
  private pending: Buffer = Buffer.alloc(0);
  private startingUp = true;
  /** Prepared statement name -> SQL ('' is the unnamed statement), portal name -> SQL. */
  private readonly prepared = new Map<string, string>();
  private readonly portals = new Map<string, string>();

  constructor(private readonly onStatement: (sql: string) => void) {}

  feed(chunk: Buffer): void {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    let offset = 0;
    for (;;) {
      const rest = this.pending.length - offset;
      if (this.startingUp) {
        if (rest < 8) break;
        const length = this.pending.readInt32BE(offset);
        if (rest < length) break;
        const code = this.pending.readInt32BE(offset + 4);
        // An SSL or GSS request is answered before the real start-up message follows.
        if (code !== SSL_REQUEST && code !== GSSENC_REQUEST) this.startingUp = false;
        offset += length;
      } else {
        if (rest < 5) break;
        const length = this.pending.readInt32BE(offset + 1);
        if (rest < 1 + length) break;
        this.message(
          String.fromCharCode(this.pending[offset]!),
          this.pending.subarray(offset + 5, offset + 1 + length),
        );
        offset += 1 + length;
      }
    }
    this.pending = this.pending.subarray(offset);
  }

  private message(type: string, body: Buffer): void {
    const strings = (count: number) => {
      const out: string[] = [];
      let at = 0;
      for (let i = 0; i < count; i++) {
        const end = body.indexOf(0, at);
        out.push(body.toString('utf8', at, end));
        at = end + 1;
      }
      return out;
    };
    if (type === 'Q') this.onStatement(strings(1)[0] ?? '');
    else if (type === 'P') {
      const [name = '', sql = ''] = strings(2);
      this.prepared.set(name, sql);
    } else if (type === 'B') {
      const [portal = '', statement = ''] = strings(2);
      this.portals.set(portal, this.prepared.get(statement) ?? '?');
    } else if (type === 'E') {
      const [portal = ''] = strings(1);
      this.onStatement(this.portals.get(portal) ?? '?');
    }
  }
}

export async function startSqlCounter(target: { host: string; port: number }): Promise<SqlCounter> {
  const statements: Statement[] = [];
  const sockets = new Set<net.Socket>();
  let connections = 0;
  const server = net.createServer((client) => {
    const connection = ++connections;
    const upstream = net.connect(target.port, target.host);
    sockets.add(client).add(upstream);
    const parser = new FrontendParser((sql) => statements.push({ label: statementLabel(sql), connection }));
    client.on('data', (chunk: Buffer) => {
      parser.feed(chunk);
      upstream.write(chunk);
    });
    upstream.pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', close).on('error', close);
    upstream.on('close', close).on('error', close);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no proxy address');
  const stop = async () => {
    unregister();
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  const unregister = onCleanup(stop);
  return { address: `127.0.0.1:${address.port}`, statements: () => statements, stop };
}
