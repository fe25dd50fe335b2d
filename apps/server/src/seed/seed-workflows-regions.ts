/**
 * Demo workflows elsewhere: Astana, Turkistan, the Tashkent consulate, a Karaganda hospital and an
 * Atyrau school (see seed-workflows.ts).
 */
import { after } from './seed-time.ts';
import type { Scene } from './seed-workflows-scene.ts';

/** Astana, Turkistan, the Tashkent consulate, a Karaganda hospital and an Atyrau school. */
export function elsewhere({ k, ago, on, dayFor, handOverSameDay, rng }: Scene): void {
  const street = k.screen('staff.police-astana', ago(121), {
    setting: 'street',
    region: 'KZ-71',
    language: 'ru',
    person: k.person('KZ', true, 20),
    exploitation: ['SexualExploitation'],
    indicators: 2,
  });
  let t = after(street.at, 1, 3, rng);
  k.decide(street, 'staff.police-astana.2', t, true);
  k.close(street, 'staff.police-astana.2', after(t, 40, 70, rng), true);
  const online = k.screen('staff.police-astana', ago(23), {
    setting: 'online',
    region: 'KZ-71',
    language: 'ru',
    person: k.person('KZ', false, 25),
    exploitation: ['ForcedCriminality'],
    indicators: 1,
  });
  k.decide(online, 'staff.police-astana.2', after(online.at, 1, 4, rng), false);
  const market = k.screen('staff.police-turkistan', ago(86), {
    setting: 'detention_police_operation',
    region: 'KZ-61',
    language: 'kk',
    person: k.person('KZ', false, 15),
    exploitation: ['ForcedBegging'],
    indicators: 2,
  });
  k.decide(market, 'staff.police-turkistan.2', after(market.at, 1, 3, rng), true);

  // Kazakhstan's citizens exploited abroad, met at the consulate in Tashkent (written in Russian).
  const abroad = k.screen('staff.consulate-tashkent', ago(141), {
    setting: 'consulate',
    region: 'KZ-61',
    language: 'kk',
    person: k.person('KZ', true, 27),
    exploitation: ['ForcedLabour'],
    indicators: 3,
  });
  t = after(abroad.at, 0.1, 1, rng);
  k.handover(abroad, 'police-turkistan', t);
  k.decide(abroad, 'staff.police-turkistan.2', after(t, 2, 5, rng), true);
  const home = k.screen('staff.consulate-tashkent', on(dayFor('ok', 1), 10), {
    setting: 'consulate',
    region: 'KZ-75',
    language: 'ru',
    person: k.person('KZ', false, 45),
    exploitation: ['ForcedLabour'],
    indicators: 2,
  });
  handOverSameDay(home, 'police-almaty', 12);
  k.screen('staff.consulate-tashkent', ago(36), {
    setting: 'consulate',
    region: 'KZ-79',
    language: 'ru',
    person: k.person('KZ', true, 33),
    exploitation: ['Servitude'],
    indicators: 1,
    consent: 'declined',
  });

  const ward = k.screen('staff.health-karaganda', ago(81), {
    setting: 'hospital',
    region: 'KZ-35',
    language: 'ru',
    person: k.person('KZ', true, 30),
    exploitation: ['SexualExploitation'],
    indicators: 2,
  });
  k.note(ward, 'staff.health-karaganda', after(ward.at, 1, 3, rng), 'worker');
  k.screen('staff.health-karaganda', ago(18), {
    setting: 'hospital',
    region: 'KZ-35',
    language: 'ru',
    person: k.person('UZ', false, 37),
    exploitation: ['ForcedLabour'],
    indicators: 2,
    consent: 'declined',
  });
  k.screen('staff.education-atyrau', ago(64), {
    setting: 'school',
    region: 'KZ-23',
    language: 'kk',
    person: k.person('KZ', true, 14),
    exploitation: ['ChildLabour'],
    indicators: 2,
  });
  k.screen('staff.education-atyrau', ago(12), {
    setting: 'school',
    region: 'KZ-23',
    language: 'kk',
    person: k.person('KZ', false, 15),
    exploitation: ['ForcedBegging'],
    indicators: 2,
  });
}
