/**
 * Demo workflows: police Almaty's raids and its identification unit's decisions, reviews and an
 * appeal; an NGO's outreach and care in Almaty; a possible duplicate across scripts (see seed-workflows.ts).
 */
import { after } from './seed-time.ts';
import type { Scene } from './seed-workflows-scene.ts';

/** Police Almaty: raids by its officers, and the identification unit's decisions and reviews. */
export function policeAlmaty({ k, ago, on, dayFor, rng }: Scene): void {
  // A detention operation starts the identification clock at once: no handover needed.
  const raid = k.screen('staff.police-almaty', ago(203), {
    setting: 'detention_police_operation',
    region: 'KZ-75',
    language: 'uz',
    interpreter: true,
    person: k.person('UZ', true, 26),
    exploitation: ['SexualExploitation'],
    indicators: 3,
  });
  let t = after(raid.at, 1, 3, rng);
  k.decide(raid, 'identification', t, true);
  t = after(t, 0.2, 1, rng);
  k.refer(raid, 'identification', t, 'shelter-almaty');
  t = after(t, 10, 20, rng);
  k.review(raid, 'staff.police-almaty.2', t, 'review');
  k.close(raid, 'identification', after(t, 60, 90, rng), true);

  k.screen('staff.police-almaty', on(dayFor('due_soon', 1), 11), {
    setting: 'detention_police_operation',
    region: 'KZ-75',
    language: 'ru',
    person: k.person('TJ', false, 31),
    exploitation: ['ForcedLabour'],
    indicators: 2,
  });
  k.screen('staff.police-almaty', on(dayFor('ok', 0), 16), {
    setting: 'detention_police_operation',
    region: 'KZ-19',
    language: 'kk',
    person: k.person('KZ', false, 24),
    exploitation: ['ForcedCriminality'],
    indicators: 2,
  });
  k.screen('staff.police-almaty', ago(46), {
    setting: 'street',
    region: 'KZ-75',
    language: 'kk',
    person: k.person('KZ', true, 27),
    exploitation: ['SexualExploitation'],
    indicators: 1,
    consent: 'declined',
  });

  // A negative decision, appealed by the person with a lawyer, and overturned.
  const appealed = k.screen('staff.police-almaty', ago(151), {
    setting: 'street',
    region: 'KZ-75',
    language: 'kk',
    person: k.person('KZ', true, 38),
    exploitation: ['Servitude'],
    indicators: 1,
  });
  t = after(appealed.at, 0.5, 2, rng);
  k.decide(appealed, 'staff.police-almaty.2', t, false);
  t = after(t, 20, 30, rng);
  k.assign(appealed, 'lawyer', t);
  k.review(appealed, 'identification', after(t, 10, 20, rng), 'appeal');

  // The same woman met twice: by an NGO's outreach (Cyrillic, with her IIN) and in a raid
  // weeks later (Latin script, no document): a possible duplicate for the unit to review.
  const aigerim = k.person('KZ', true, 23, { document: true });
  const outreach = k.screen('caseworker', ago(48), {
    setting: 'street',
    region: 'KZ-75',
    language: 'kk',
    person: aigerim,
    exploitation: ['ForcedLabour'],
    indicators: 2,
    script: 'kk_cyrl',
  });
  k.note(outreach, 'caseworker', after(outreach.at, 3, 7, rng), 'worker');
  const raidAgain = k.screen('staff.police-almaty', ago(31), {
    setting: 'detention_police_operation',
    region: 'KZ-75',
    language: 'kk',
    person: aigerim,
    exploitation: ['SexualExploitation'],
    indicators: 2,
    script: 'kk_latn',
    withDocument: false,
  });
  k.decide(raidAgain, 'identification', after(raidAgain.at, 1, 3, rng), true);

  // The NGO's own identification and care: decided by its officer, referred by the case worker,
  // and the case worker asks the prosecutor to apply non-punishment.
  const servitude = k.screen('caseworker', ago(101), {
    setting: 'other',
    region: 'KZ-75',
    language: 'kk',
    person: k.person('KZ', true, 33),
    exploitation: ['Servitude'],
    indicators: 3,
  });
  t = after(servitude.at, 2, 5, rng);
  k.decide(servitude, 'staff.ngo-almaty.2', t, true);
  t = after(t, 0.5, 2, rng);
  k.refer(servitude, 'caseworker', t, 'shelter-almaty');
  t = after(t, 15, 25, rng);
  k.note(servitude, 'caseworker', t, 'worker');
  k.flagNonPunishment(servitude, 'caseworker', after(t, 2, 5, rng));
  k.screen('caseworker', ago(9), {
    setting: 'street',
    region: 'KZ-19',
    language: 'ky',
    interpreter: true,
    person: k.person('KG', true, 20),
    exploitation: ['SexualExploitation'],
    indicators: 2,
  });
}
