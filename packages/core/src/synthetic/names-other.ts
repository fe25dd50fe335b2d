/**
 * Non-Kazakh personal names common in Kazakhstan's caseload, each in the script it is
 * registered in: Russian, Kyrgyz (ң ө ү) and Tajik (ҳ ҷ ӣ ӯ) in Cyrillic, Uzbek in the 1995
 * Latin alphabet with oʻ gʻ written with U+02BB. As in names-kk.ts, no two entries of one list
 * share a search key.
 */
import type { NameBank } from './name-bank.ts';

/** Russians, and Russian-named Kazakhstanis including Koreans (Цой, Ким) and Ukrainians. */
export const RUSSIAN: NameBank = {
  id: 'russian',
  alphabet: 'cyrl',
  female: [
    'Анна', 'Мария', 'Елена', 'Ольга', 'Наталья', 'Татьяна', 'Ирина', 'Светлана', 'Юлия', 'Екатерина',
    'Анастасия', 'Людмила', 'Галина', 'Оксана', 'Марина', 'Виктория', 'Валентина', 'Кристина', 'Дарья', 'Алина',
  ],
  male: [
    'Александр', 'Сергей', 'Дмитрий', 'Андрей', 'Алексей', 'Иван', 'Николай', 'Владимир', 'Евгений', 'Михаил',
    'Виктор', 'Юрий', 'Олег', 'Павел', 'Игорь', 'Константин', 'Артем', 'Максим', 'Денис', 'Роман', 'Вадим', 'Никита',
  ],
  surnames: [
    'Иванов', 'Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Петров', 'Соколов', 'Михайлов', 'Новиков', 'Морозов',
    'Волков', 'Алексеев', 'Лебедев', 'Семенов', 'Егоров', 'Павлов', 'Козлов', 'Степанов', 'Николаев', 'Орлов',
    'Андреев', 'Макаров', 'Никитин', 'Захаров', 'Зайцев', 'Борисов', 'Яковлев', 'Григорьев', 'Романов', 'Сергеев',
    'Кузьмин', 'Фролов', 'Белов', 'Цой', 'Ким', 'Пак', 'Тен', 'Хван', 'Шевченко', 'Коваленко', 'Бондаренко',
  ],
  patronymic: { native: 0, russian: 0.95, male: 'ович', female: 'овна', separate: false },
};

/** Uzbek names in Uzbek Latin; the patronymic is "father oʻgʻli/qizi". */
export const UZBEK: NameBank = {
  id: 'uzbek',
  alphabet: 'uz_latn',
  female: [
    'Dilnoza', 'Gulnora', 'Shahnoza', 'Mohira', 'Nilufar', 'Oʻgʻiloy', 'Zulfiya', 'Feruza', 'Malika', 'Nodira',
    'Sevara', 'Gulchehra', 'Dildora', 'Shoira', 'Mavluda', 'Yulduz', 'Xurshida', 'Charos', 'Munisa', 'Nargiza',
    'Moʻtabar', 'Ziyoda',
  ],
  male: [
    'Alisher', 'Jamshid', 'Sherzod', 'Bahodir', 'Oʻtkir', 'Gʻayrat', 'Shuhrat', 'Rustam', 'Dilshod', 'Ulugʻbek',
    'Botir', 'Sardor', 'Jahongir', 'Otabek', 'Sanjar', 'Farrux', 'Xurshid', 'Toʻlqin', 'Oybek', 'Doniyor',
    'Abdulla', 'Shavkat', 'Nodir', 'Ravshan',
  ],
  surnames: [
    'Gʻulomov', 'Karimov', 'Toshmatov', 'Yusupov', 'Rahimov', 'Xolmatov', 'Qodirov', 'Ergashev', 'Nazarov', 'Saidov',
    'Mirzayev', 'Abdullayev', 'Tursunov', 'Shukurov', 'Choriyev', 'Oʻrinov', 'Sobirov', 'Hamroyev', 'Qosimov', 'Usmonov',
    'Joʻrayev', 'Ismoilov',
  ],
  patronymic: { native: 0.55, russian: 0, male: 'oʻgʻli', female: 'qizi', separate: true },
};

/** Kyrgyz names in Kyrgyz Cyrillic; some bear "father уулу/кызы" as surname. */
export const KYRGYZ: NameBank = {
  id: 'kyrgyz',
  alphabet: 'cyrl',
  female: ['Айпери', 'Бермет', 'Гүлзат', 'Жылдыз', 'Нуриза', 'Айзада', 'Чолпон', 'Элнура', 'Айчүрөк', 'Мээрим', 'Бегимай', 'Бактыгүл'],
  male: ['Эрмек', 'Бакыт', 'Нурбек', 'Алмазбек', 'Кубанычбек', 'Медер', 'Таалай', 'Үсөн', 'Мирлан', 'Санжар', 'Бекболот', 'Темирбек'],
  surnames: ['Асанов', 'Үсөнов', 'Токтогулов', 'Жээнбеков', 'Бакиев', 'Атамбаев', 'Сооронбаев', 'Мамытов', 'Абдыкеримов', 'Осмонов', 'Ормонов', 'Төлөнов'],
  surnameFromFather: { share: 0.2, male: 'уулу', female: 'кызы', separate: true },
  patronymic: { native: 0, russian: 0.6, male: 'уулу', female: 'кызы', separate: true },
};

/** Tajik names in Tajik Cyrillic; -зода surnames (Раҳмонзода) are built from a father's name. */
export const TAJIK: NameBank = {
  id: 'tajik',
  alphabet: 'cyrl',
  female: ['Фарзона', 'Нигина', 'Парвина', 'Ситора', 'Таҳмина', 'Шаҳноза', 'Гулрухсор', 'Манижа', 'Зарнигор', 'Мадина'],
  male: ['Фирдавс', 'Шерали', 'Фаррух', 'Далер', 'Умед', 'Исмоил', 'Суҳроб', 'Комрон', 'Ҷамшед', 'Наврӯз', 'Бахтовар', 'Шоҳрух'],
  surnames: ['Раҳмонов', 'Назаров', 'Саидов', 'Каримов', 'Шарипов', 'Холов', 'Мирзоев', 'Давлатов', 'Сафаров', 'Ҷӯраев', 'Султонов'],
  surnameFromFather: { share: 0.25, male: 'зода', female: 'зода', separate: false },
  patronymic: { native: 0, russian: 0.55, male: '', female: '', separate: false },
};

/** Azerbaijani and Turkmen names as written in Russian-language records; "father оглы/кызы". */
export const TURKIC: NameBank = {
  id: 'turkic',
  alphabet: 'cyrl',
  female: ['Лейла', 'Айгюн', 'Гюльнара', 'Севиль', 'Огулджан', 'Майса', 'Дженнет'],
  male: ['Эльчин', 'Рашад', 'Мурад', 'Ильгар', 'Мерген', 'Бегенч', 'Арслан', 'Довлет'],
  surnames: ['Мамедов', 'Алиев', 'Гусейнов', 'Гасанов', 'Бердыев', 'Атаев', 'Овезов', 'Нуриев'],
  patronymic: { native: 0.5, russian: 0.3, male: 'оглы', female: 'кызы', separate: true },
};
