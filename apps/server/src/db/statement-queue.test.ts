import { describe, expect, it } from 'vitest';
import { statementQueue } from './statement-queue.ts';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('statementQueue', () => {
  it('runs steps one after another, in the order pushed, never two at once', async () => {
    const q = statementQueue();
    const log: string[] = [];
    let running = 0;
    for (const name of ['a', 'b', 'c']) {
      q.push(async () => {
        running++;
        expect(running).toBe(1);
        log.push(`start ${name}`);
        await tick();
        log.push(`end ${name}`);
        running--;
      });
    }
    expect(log).toEqual([]);
    await q.drain();
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(q.failed).toBe(false);
  });

  it('skips every step after a failure and throws the first failure from drain, with no unhandled rejection', async () => {
    const q = statementQueue();
    const ran: string[] = [];
    q.push(async () => {
      ran.push('a');
    });
    const failing = q.push(async () => {
      throw new Error('first');
    });
    q.push(async () => {
      ran.push('c');
    });
    // What push returns settles once the step has run, and never rejects: a caller may wait on it.
    await expect(failing).resolves.toBeUndefined();
    // Node goes on with other work while the steps run: the failure must not escape meanwhile.
    await tick();
    await tick();
    expect(q.failed).toBe(true);
    q.push(async () => {
      ran.push('d');
    });
    await expect(q.drain()).rejects.toThrow('first');
    expect(ran).toEqual(['a']);
  });
});
