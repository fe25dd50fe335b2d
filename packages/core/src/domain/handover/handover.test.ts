import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGENCY_TYPES } from '../../access/roles.ts';
import { dueAfterHandover, handoverRefusal, IDENTIFYING_AGENCY_TYPES, mayReceiveHandover } from './handover.ts';

const regions = fc.constantFrom('KZ-75', 'KZ-71', 'KZ-61', 'KZ-79');
const target = fc.record({ type: fc.constantFrom(...AGENCY_TYPES), regionCode: fc.option(regions, { nil: null }), disabled: fc.boolean() });
const isoDate = fc.date({ min: new Date('2024-01-01'), max: new Date('2026-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('handover target', () => {
  it('only an enabled identification unit of the case region, or a national one, may receive a handover', () => {
    fc.assert(
      fc.property(target, regions, (a, region) => {
        const identifies = (IDENTIFYING_AGENCY_TYPES as readonly string[]).includes(a.type);
        const reaches = a.regionCode === null || a.regionCode === region;
        expect(mayReceiveHandover(a, region)).toBe(identifies && reaches && !a.disabled);
      }),
    );
  });

  it('a refusal names the first thing wrong: gone, not a unit that identifies, then the region', () => {
    fc.assert(
      fc.property(target, regions, (a, region) => {
        const refusal = handoverRefusal(a, region);
        if (a.disabled) expect(refusal).toBe('not_found');
        else if (!(IDENTIFYING_AGENCY_TYPES as readonly string[]).includes(a.type)) expect(refusal).toBe('not_identification_unit');
        else if (a.regionCode !== null && a.regionCode !== region) expect(refusal).toBe('outside_region');
        else expect(refusal).toBeNull();
      }),
    );
    expect(handoverRefusal(null, 'KZ-75')).toBe('not_found');
  });

  it('shelters, prosecutors, hotlines and the frontline services never receive one', () => {
    for (const type of ['shelter', 'prosecutor', 'hotline', 'labour_inspectorate', 'migration_service', 'national_coordination', 'administration'] as const) {
      expect(mayReceiveHandover({ type, regionCode: null, disabled: false }, 'KZ-75')).toBe(false);
    }
    expect(mayReceiveHandover({ type: 'police', regionCode: 'KZ-75', disabled: false }, 'KZ-75')).toBe(true);
    expect(mayReceiveHandover({ type: 'ngo', regionCode: null, disabled: false }, 'KZ-61')).toBe(true);
  });
});

describe('identification due date after a handover', () => {
  it('is never later than a clock already running, and is the new date when none runs', () => {
    fc.assert(
      fc.property(fc.option(isoDate, { nil: null }), isoDate, (running, fresh) => {
        const due = dueAfterHandover(running, fresh);
        expect(due <= fresh).toBe(true);
        if (running !== null) expect(due <= running).toBe(true);
        expect([running, fresh]).toContain(due);
        if (running === null) expect(due).toBe(fresh);
      }),
    );
  });
});
