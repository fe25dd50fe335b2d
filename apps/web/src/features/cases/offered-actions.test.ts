import { describe, expect, it } from 'vitest';
import { offeredActions } from './offered-actions.ts';

describe('actions the case page offers', () => {
  it('a closed case offers only reopening, and only to a user the server allows it', () => {
    expect(offeredActions('closed', ['note_added', 'reopened'])).toEqual(['reopened']);
    expect(offeredActions('closed', ['note_added'])).toEqual([]);
    expect(offeredActions('closed', [])).toEqual([]);
  });

  it('an open case offers exactly what the server allows', () => {
    expect(offeredActions('open', ['note_added', 'identification_decided', 'closed'])).toEqual(['note_added', 'identification_decided', 'closed']);
    expect(offeredActions('referred', [])).toEqual([]);
  });
});
