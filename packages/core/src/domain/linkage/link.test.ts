import { expect, it } from 'vitest';
import { pairKey } from './fellegi-sunter.ts';
import { linkRecords } from './link.ts';
import type { LinkageRecord } from './linkage-record.ts';

it('a human decision on a proposed pair replaces the model decision once, whatever the id order', () => {
  // Ids chosen so that index order ("9" before "10") and string order disagree.
  const records: LinkageRecord[] = [
    { id: '9', givenName: 'Aigerim', familyName: 'Nurlanova', birthDate: '1999-04-12', sex: 'F' },
    { id: '10', givenName: 'Айгерим', familyName: 'Нурланова', birthDate: '1999-04-12', sex: 'F' },
    { id: '11', givenName: 'Dilnoza', familyName: 'Gulomova', birthDate: '1992-05-01', sex: 'F' },
  ];
  const humans = new Map([[pairKey('9', '10'), 'different' as const]]);
  const result = linkRecords(records, { humanDecisions: humans });
  const about = result.decisions.filter((d) => pairKey(d.ids[0], d.ids[1]) === pairKey('9', '10'));
  expect(about).toHaveLength(1);
  expect(about[0]).toMatchObject({ decision: 'different', source: 'human' });
  expect(result.clusters.find((c) => c.includes('9'))).not.toContain('10');
});
