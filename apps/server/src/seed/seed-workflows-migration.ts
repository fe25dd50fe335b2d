/**
 * Demo workflows: the migration service's pre-deportation screenings, deportation holds,
 * non-punishment for the Almaty prosecutor and possible duplicates (see seed-workflows.ts).
 */
import { after, soonAfter } from './seed-time.ts';
import type { Scene } from './seed-workflows-scene.ts';

/** The migration service's pre-deportation screenings: deportation on hold, clock running. */
export function migration({ k, ago, on, dayFor, handOverSameDay, rng }: Scene): void {
  // Overdue, with the deportation on hold: the clock started at the screening, not the handover.
  const heldDay = dayFor('overdue', 3);
  const held = k.screen('staff.migration-almaty', on(heldDay, 10), {
    setting: 'pre_deportation',
    region: 'KZ-75',
    language: 'uz',
    interpreter: true,
    person: k.person('UZ', false, 28),
    exploitation: ['ForcedLabour'],
    indicators: 3,
  });
  k.handover(held, 'police-almaty', after(on(heldDay, 16), 0.6, 1, rng));
  const fresh = k.screen('staff.migration-almaty', on(dayFor('ok', 0), 10), {
    setting: 'pre_deportation',
    region: 'KZ-75',
    language: 'ru',
    person: k.person('TJ', false, 33),
    exploitation: ['ForcedLabour'],
    indicators: 2,
  });
  handOverSameDay(fresh, 'police-almaty', 15);

  // Decided, hold lifted, non-punishment asked for and granted by the prosecutor.
  const granted = k.screen('staff.migration-almaty', ago(91), {
    setting: 'pre_deportation',
    region: 'KZ-75',
    language: 'ky',
    interpreter: true,
    person: k.person('KG', true, 24),
    exploitation: ['ForcedLabour'],
    indicators: 3,
  });
  let t = after(granted.at, 0.5, 1, rng);
  k.handover(granted, 'police-almaty', t);
  t = after(t, 1, 3, rng);
  k.decide(granted, 'identification', t, true);
  t = after(t, 0.1, 1, rng);
  k.liftHold(granted, 'identification', t);
  t = after(t, 0.5, 2, rng);
  k.flagNonPunishment(granted, 'identification', t);
  k.assign(granted, 'lawyer', after(t, 0.5, 1, rng));
  t = after(t, 6, 12, rng);
  k.reviewNonPunishment(granted, 'prosecutor', t, true);
  k.refer(granted, 'identification', after(t, 1, 3, rng), 'ngo-almaty');
  k.screen('staff.migration-almaty', ago(26), {
    setting: 'pre_deportation',
    region: 'KZ-75',
    language: 'ru',
    person: k.person('RU', false, 40),
    exploitation: [],
    indicators: 0,
    consent: 'declined',
  });

  // The same man met by the hotline in summer (Uzbek Latin, no document) and now before his
  // deportation (passport Latin, with the passport): a possible duplicate.
  const man = k.person('UZ', false, 29, { document: true });
  const firstCall = k.screen('hotline', ago(66), {
    setting: 'hotline',
    region: 'KZ-75',
    language: 'uz',
    person: man,
    exploitation: ['ForcedLabour'],
    indicators: 2,
    withDocument: false,
  });
  t = soonAfter(firstCall.at, rng);
  k.handover(firstCall, 'police-almaty', t);
  t = after(t, 1, 4, rng);
  k.decide(firstCall, 'identification', t, true);
  k.flagNonPunishment(firstCall, 'identification', after(t, 2, 6, rng));
  k.assign(firstCall, 'lawyer', after(t, 3, 8, rng));
  const again = k.screen('staff.migration-almaty', ago(56), {
    setting: 'pre_deportation',
    region: 'KZ-75',
    language: 'uz',
    interpreter: true,
    person: man,
    exploitation: ['ForcedLabour'],
    indicators: 3,
  });
  t = after(again.at, 0.5, 1, rng);
  k.handover(again, 'police-almaty', t);
  t = after(t, 1, 3, rng);
  k.decide(again, 'staff.police-almaty.2', t, true);
  t = after(t, 0.5, 2, rng);
  k.liftHold(again, 'prosecutor', t);
  k.flagNonPunishment(again, 'identification', after(t, 1, 3, rng));

  // A woman who called the hotline in spring without giving her birth date, met again by the
  // migration service with her passport: the engine is less sure, and an officer has to look.
  const woman = k.person('KG', true, 24, { document: true });
  k.screen('staff.hotline', ago(143), {
    setting: 'hotline',
    region: 'KZ-75',
    language: 'ky',
    person: woman,
    exploitation: ['ForcedLabour'],
    indicators: 2,
    withDocument: false,
    withBirthdate: false,
  });
  const metAgain = k.screen('staff.migration-almaty', ago(38), {
    setting: 'pre_deportation',
    region: 'KZ-75',
    language: 'ky',
    interpreter: true,
    person: woman,
    exploitation: ['ForcedLabour'],
    indicators: 2,
  });
  t = after(metAgain.at, 0.2, 1, rng);
  k.handover(metAgain, 'police-almaty', t);
  t = after(t, 1, 4, rng);
  k.decide(metAgain, 'identification', t, true);
  k.liftHold(metAgain, 'identification', after(t, 0.1, 1, rng));
}
