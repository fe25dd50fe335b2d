/**
 * Demo workflows: the national hotline's screenings on the phone, cases waiting in police
 * Almaty's identification queue, and the public's reports in five languages (see seed-workflows.ts).
 */
import { after, atLocal, soonAfter } from './seed-time.ts';
import type { Scene } from './seed-workflows-scene.ts';

/** The national hotline (the `hotline` account and a colleague), and the public's reports in five languages. */
export function hotline({ k, ago, on, dayFor, handOverSameDay, rng }: Scene): void {
  const astana = k.screen('hotline', ago(131), {
    setting: 'hotline',
    region: 'KZ-71',
    language: 'ru',
    person: k.person('KZ', true, 22),
    exploitation: ['SexualExploitation'],
    indicators: 3,
  });
  let t = soonAfter(astana.at, rng);
  k.handover(astana, 'police-astana', t);
  t = after(t, 2, 5, rng);
  k.decide(astana, 'staff.police-astana.2', t, true);
  k.refer(astana, 'staff.police-astana.2', after(t, 0.5, 2, rng), 'ngo-astana');

  // Overdue: handed over seven working days ago, still waiting in police Almaty's queue.
  const overdue = k.screen('hotline', on(dayFor('overdue', 1), 9), {
    setting: 'hotline',
    region: 'KZ-75',
    language: 'ky',
    interpreter: true,
    person: k.person('KG', false, 35),
    exploitation: ['ForcedLabour'],
    indicators: 3,
  });
  handOverSameDay(overdue, 'police-almaty', 13);
  // Due tomorrow or today.
  const soon = k.screen('hotline', on(dayFor('due_soon', 0), 9), {
    setting: 'hotline',
    region: 'KZ-75',
    language: 'kk',
    person: k.person('KZ', true, 17),
    exploitation: ['SexualExploitation'],
    indicators: 2,
  });
  handOverSameDay(soon, 'police-almaty', 14);
  k.screen('hotline', ago(21), {
    setting: 'hotline',
    region: 'KZ-19',
    language: 'kk',
    person: k.person('KZ', false, 44),
    exploitation: ['ForcedLabour'],
    indicators: 1,
    consent: 'declined',
  });

  // A report from the public, taken up by the operator, screened on the phone and handed over.
  const okDay = dayFor('ok', 1);
  const called = k.report(atLocal(okDay, 7, 40), 'ru', 'self', 'KZ-75');
  k.reportStatus(called, 'hotline', on(okDay, 9), 'in_progress');
  const onPhone = k.screen('hotline', on(okDay, 10), {
    setting: 'hotline',
    region: 'KZ-75',
    language: 'ru',
    person: k.person('KG', true, 26),
    exploitation: ['ForcedLabour'],
    indicators: 2,
  });
  k.reportStatus(called, 'hotline', on(okDay, 11), 'screened', onPhone);
  handOverSameDay(onPhone, 'police-almaty', 15);
  const recent = k.screen('hotline', ago(2), {
    setting: 'hotline',
    region: 'KZ-71',
    language: 'ru',
    person: k.person('RU', true, 31),
    exploitation: ['Servitude'],
    indicators: 2,
  });
  k.handover(recent, 'police-astana', soonAfter(recent.at, rng, 60));

  const ngoCase = k.screen('staff.hotline', ago(52), {
    setting: 'hotline',
    region: 'KZ-75',
    language: 'kk',
    person: k.person('KZ', true, 29),
    exploitation: ['ForcedLabour'],
    indicators: 2,
  });
  t = soonAfter(ngoCase.at, rng);
  k.handover(ngoCase, 'ngo-almaty', t);
  t = after(t, 2, 4, rng);
  k.decide(ngoCase, 'staff.ngo-almaty.2', t, true);
  t = after(t, 0.5, 2, rng);
  k.refer(ngoCase, 'caseworker', t, 'shelter-almaty');
  k.note(ngoCase, 'caseworker', after(t, 10, 20, rng), 'worker');
  k.screen('staff.hotline', ago(160), {
    setting: 'hotline',
    region: 'KZ-19',
    language: 'kk',
    person: k.person('KZ', false, 38),
    exploitation: ['ForcedLabour'],
    indicators: 2,
  });
  k.screen('staff.hotline', ago(10), {
    setting: 'hotline',
    region: 'KZ-79',
    language: 'uz',
    person: k.person('UZ', true, 24),
    exploitation: [],
    indicators: 1,
    consent: 'declined',
  });

  // The hotline queue: new and in-progress reports in every language of the /report page.
  const queue: [number, 'kk' | 'ru' | 'en' | 'uz' | 'ky', 'self' | 'witness', string | null][] = [
    [9, 'uz', 'self', 'KZ-75'],
    [6, 'kk', 'witness', 'KZ-71'],
    [4, 'en', 'witness', 'KZ-71'],
    [2, 'ky', 'self', 'KZ-75'],
    [1, 'ru', 'witness', 'KZ-61'],
    [11, 'kk', 'self', null],
    [0, 'ky', 'witness', 'KZ-19'],
    [14, 'uz', 'witness', 'KZ-79'],
    [19, 'en', 'self', 'KZ-75'],
  ];
  for (const [d, language, reporter, region] of queue) {
    const at = ago(d);
    const report = k.report(at, language, reporter, region);
    if (d === 4 || d === 11) k.reportStatus(report, 'hotline', soonAfter(at, rng, 120), 'in_progress');
    if (d >= 14) k.reportStatus(report, 'hotline', after(at, 0.2, 1, rng), 'closed');
  }
}
