/**
 * Demo workflows: labour inspectors' screenings in Shymkent and the Turkistan region, some handed
 * over to police Turkistan's identification unit (see seed-workflows.ts).
 */
import { after, soonAfter } from './seed-time.ts';
import type { Scene } from './seed-workflows-scene.ts';

/** The `screener` account (a labour inspector in Shymkent, Turkistan region too) and a colleague. */
export function labourInspectors({ k, ago, rng }: Scene): void {
  const farm1 = k.screen('screener', ago(112), {
    setting: 'farm',
    region: 'KZ-61',
    language: 'uz',
    interpreter: true,
    person: k.person('UZ', true, 34),
    exploitation: ['ForcedLabour'],
    indicators: 3,
  });
  let t = after(farm1.at, 0.2, 1, rng);
  k.handover(farm1, 'police-turkistan', t);
  t = after(t, 2, 5, rng);
  k.decide(farm1, 'staff.police-turkistan.2', t, true);
  k.refer(farm1, 'staff.police-turkistan.2', after(t, 0.5, 2, rng), 'shelter-shymkent');

  const site = k.screen('screener', ago(76), {
    setting: 'construction_site',
    region: 'KZ-79',
    language: 'ru',
    person: k.person('UZ', false, 27),
    exploitation: ['ForcedLabour'],
    indicators: 2,
  });
  k.note(site, 'screener', after(site.at, 2, 4, rng), 'officer');
  k.screen('screener', ago(61), {
    setting: 'farm',
    region: 'KZ-61',
    language: 'ky',
    interpreter: true,
    person: k.person('KG', false, 41),
    exploitation: ['ForcedLabour'],
    indicators: 2,
    consent: 'declined',
  });
  k.screen('screener', ago(42), {
    setting: 'factory',
    region: 'KZ-79',
    language: 'kk',
    person: k.person('KZ', true, 19),
    exploitation: ['ForcedLabour'],
    indicators: 1,
  });
  const farm2 = k.screen('screener', ago(29), {
    setting: 'farm',
    region: 'KZ-61',
    language: 'ru',
    person: k.person('TJ', false, 23),
    exploitation: ['ForcedLabour'],
    indicators: 2,
  });
  t = soonAfter(farm2.at, rng);
  k.handover(farm2, 'police-turkistan', t);
  k.decide(farm2, 'staff.police-turkistan.2', after(t, 3, 5, rng), false);
  k.screen('screener', ago(16), {
    setting: 'market',
    region: 'KZ-79',
    language: 'uz',
    interpreter: true,
    person: k.person('UZ', true, 45),
    exploitation: [],
    indicators: 0,
    consent: 'declined',
  });
  const site2 = k.screen('screener', ago(7), {
    setting: 'construction_site',
    region: 'KZ-61',
    language: 'uz',
    interpreter: true,
    person: k.person('UZ', false, 30),
    exploitation: ['ForcedLabour'],
    indicators: 3,
  });
  k.handover(site2, 'police-turkistan', soonAfter(site2.at, rng));
  k.screen('screener', ago(3), {
    setting: 'factory',
    region: 'KZ-79',
    language: 'kk',
    person: k.person('KZ', false, 16),
    exploitation: ['ChildLabour'],
    indicators: 2,
  });

  const colleague = k.screen('staff.labour-shymkent', ago(95), {
    setting: 'farm',
    region: 'KZ-61',
    language: 'kk',
    person: k.person('KZ', false, 52),
    exploitation: ['ForcedLabour'],
    indicators: 2,
  });
  t = after(colleague.at, 0.1, 1, rng);
  k.handover(colleague, 'police-turkistan', t);
  k.decide(colleague, 'staff.police-turkistan.2', after(t, 1, 4, rng), true);
  k.screen('staff.labour-shymkent', ago(34), {
    setting: 'construction_site',
    region: 'KZ-79',
    language: 'ru',
    person: k.person('TJ', false, 36),
    exploitation: ['ForcedLabour'],
    indicators: 1,
  });
}
