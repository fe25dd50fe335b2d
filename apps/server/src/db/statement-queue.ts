/**
 * Statements sent one after another on a transaction's connection while Node goes on with
 * other work (an HTCDS import prepares the next slice while PostgreSQL writes this one). A
 * connection runs one statement at a time, so they are chained, never sent side by side. The
 * first failure skips the rest (the transaction is aborted anyway) and is thrown by `drain`:
 * no rejection is left without a handler while Node is busy elsewhere.
 */
export function statementQueue() {
  let tail: Promise<void> = Promise.resolve();
  let failure: { error: unknown } | undefined;
  return {
    /** Queues a step; the promise settles (never rejects) once it has run, failed or been skipped. */
    push(step: () => Promise<void>): Promise<void> {
      tail = tail
        .then(() => (failure ? undefined : step()))
        .catch((error: unknown) => {
          failure ??= { error };
        });
      return tail;
    },
    get failed(): boolean {
      return failure !== undefined;
    },
    /** Waits for every statement pushed; throws the first failure. */
    async drain(): Promise<void> {
      await tail;
      if (failure) throw failure.error;
    },
  };
}
