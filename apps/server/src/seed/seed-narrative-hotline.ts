/** Reports from the public to the hotline, in the five languages of the /report page (seed-narratives.ts). */
import type { Rng, SelfReportLanguage } from '@qorgau/core';

/** A report from the public, in the language the reporter chose on the /report page. */
export function hotlineReport(rng: Rng, language: SelfReportLanguage, reporter: 'self' | 'witness'): string {
  const texts: Record<SelfReportLanguage, { self: string[]; witness: string[]; extra: string[] }> = {
    en: {
      self: [
        'I came to Almaty to work at a construction site. The owner took my passport and has not paid me for three months. I want to go home but I have no money.',
        'I work in a greenhouse near Shymkent. We sleep in the same building, the gate is locked at night and they say we owe money for the trip.',
      ],
      witness: [
        "My neighbour's daughter went to Astana for a job in a café. She called her mother crying and said she is not allowed to leave the flat.",
        'Near our house men live in a basement. A car takes them away at six in the morning and brings them back late at night.',
      ],
      extra: ['Please call after 8 pm, they check my phone during the day.', 'I am afraid to go to the police because my visa has expired.', ''],
    },
    ru: {
      self: [
        'Я работаю на стройке в Алматы. Хозяин забрал паспорт и третий месяц не платит. Уехать домой не могу, прошу помочь.',
        'Меня привезли на работу в кафе, а теперь говорят, что я должна за дорогу и жильё. Из квартиры одну не выпускают.',
      ],
      witness: [
        'Рядом с нашим домом в подвале живут рабочие. Их привозят и увозят на машине, одних на улицу не выпускают.',
        'Моя сестра уехала на заработки, теперь пишет, что её заставляют работать без выходных и грозят полицией.',
      ],
      extra: ['Звоните после 20:00, днём телефон проверяют.', 'Боюсь обращаться в полицию, у меня закончился срок регистрации.', ''],
    },
    kk: {
      self: [
        'Мен Алматыдағы құрылыста жұмыс істеймін. Қожайын төлқұжатымды алып қойды, үш айдан бері ақша төлемейді. Үйге қайта алмаймын, көмектесіңіздер.',
        'Мені дүкенге сатушы етіп алып келді, енді жол ақысы үшін қарызсың дейді. Демалыс жоқ, жалақы бермейді.',
      ],
      witness: [
        'Көршімнің қызы Астанаға жұмысқа кеткен. Анасына жылап хабарласып, пәтерден шығармайтынын айтыпты.',
        'Ауылымыздағы фермада бөтен елден келген жігіттер тұрады, оларды ешқайда жібермейді, тамақты да аз береді.',
      ],
      extra: ['Кешкі сағат сегізден кейін хабарласыңыз, күндіз телефонымды тексереді.', 'Полицияға баруға қорқамын.', ''],
    },
    uz: {
      self: [
        "Men Olmaotadagi qurilishda ishlayman. Ish beruvchi pasportimni olib qo'ydi va uch oydan beri maosh bermayapti. Uyga qaytishga pulim yo'q, yordam bering.",
        "Biz issiqxonada ishlaymiz, kechasi darvozani qulflab qo'yishadi. Yo'l haqi uchun qarzdorsiz deyishadi.",
      ],
      witness: [
        "Akamning o'g'li Shimkentga ishga ketgan edi. Telefon qilib, uni ko'chaga chiqarishmayotganini aytdi.",
        "Qo'shnimizning qizi Ostonaga ishga ketgan. Endi u yerdan chiqolmayotganini yozdi.",
      ],
      extra: ["Iltimos, kechki soat sakkizdan keyin qo'ng'iroq qiling.", "Politsiyaga borishdan qo'rqaman, ro'yxatdan o'tish muddatim tugagan.", ''],
    },
    ky: {
      self: [
        'Мен Алматыдагы базарда иштейм. Кожоюн паспортумду алып алды, эки айдан бери акча төлөбөй жатат. Үйгө кете албай жатам, жардам бериңиздер.',
        'Бизди кирпич заводуна алып келишти. Күнү-түнү иштетишет, жол кире үчүн карызсыңар дешет.',
      ],
      witness: [
        'Кошунамдын кызы Астанага кафеге иштегени кеткен. Апасына ыйлап чалып, батирден чыгарбай жатышканын айтыптыр.',
        'Инимдин досу Шымкенттеги курулушта иштейт. Акы төлөшпөйт, документтерин кайтарышпайт.',
      ],
      extra: ['Кечки саат сегизден кийин чалыңыздар, күндүз телефонумду текшеришет.', 'Милицияга барганга корком.', ''],
    },
  };
  const t = texts[language];
  const extra = rng.pick(t.extra);
  return extra ? `${rng.pick(t[reporter])} ${extra}` : rng.pick(t[reporter]);
}
