import pg from 'pg';

/**
 * Commits of writes to the tables national statistics count from, as a number that grows with
 * each (migration 0028: their statement triggers notify 'qorgau_statistics', and PostgreSQL
 * delivers a notification only once its transaction has committed). What the statistics keep
 * in memory is valid only under the epoch it was counted in: counted before a commit became
 * visible, it is forgotten when the commit's notice arrives.
 *
 * The embedded database (PGlite) has one connection and never interleaves transactions, so it
 * needs no notices: its epoch never moves. On a server, `epoch()` is null whenever the listening
 * connection is down (nothing may then be served from memory), and the epoch moves on each
 * reconnection, since notices sent meanwhile are lost.
 */
export interface CommitNotices {
  epoch(): number | null;
  close(): Promise<void>;
}

const NOTICES = new WeakMap<object, CommitNotices>();
const RECONNECT_MS = 5000;

/** The notices registered for a database handle (createDb); undefined for anything else, a transaction included. */
export const commitNoticesOf = (db: object): CommitNotices | undefined => NOTICES.get(db);

export function registerCommitNotices(db: object, notices: CommitNotices): void {
  NOTICES.set(db, notices);
}

export const EMBEDDED_NOTICES: CommitNotices = { epoch: () => 0, close: async () => undefined };

export function listenForCommits(url: string): CommitNotices {
  let epoch = 0;
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;
  let connecting: Promise<void> = Promise.resolve();

  const lost = (c: pg.Client) => {
    if (client === c) client = null;
    c.end().catch(() => undefined);
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = null;
      connecting = connect();
    }, RECONNECT_MS);
    retry.unref();
  };
  const connect = async () => {
    const c = new pg.Client({ connectionString: url });
    c.on('notification', () => {
      epoch++;
    });
    c.on('error', () => lost(c));
    c.on('end', () => lost(c));
    try {
      await c.connect();
      await c.query('LISTEN qorgau_statistics');
      if (closed) return void (await c.end());
      epoch++;
      client = c;
    } catch {
      lost(c);
    }
  };
  connecting = connect();
  return {
    epoch: () => (client ? epoch : null),
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      await connecting;
      const c = client;
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
}
