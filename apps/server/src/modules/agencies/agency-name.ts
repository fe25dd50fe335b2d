import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { LocalizedName } from '@qorgau/core';

/** The three name columns of `agencies` or of an alias of it (a joined "to" or "previous" agency). */
interface NameColumns {
  nameKk: AnyPgColumn;
  nameRu: AnyPgColumn;
  nameEn: AnyPgColumn;
}

/**
 * An agency's name in kk, ru and en as one nested select field: `{ agencyName: agencyNameSelect(agencies) }`.
 * Every view that names an agency carries all three; the web shows the reader's language.
 */
export const agencyNameSelect = <T extends NameColumns>(t: T) =>
  ({ kk: t.nameKk, ru: t.nameRu, en: t.nameEn }) as { kk: T['nameKk']; ru: T['nameRu']; en: T['nameEn'] };

/** The same for raw SQL: a json object `{"kk": …, "ru": …, "en": …}`. */
export const agencyNameJson = (t: NameColumns): SQL => sql`json_build_object('kk', ${t.nameKk}, 'ru', ${t.nameRu}, 'en', ${t.nameEn})`;

/** Column values of a LocalizedName, for an insert or an update. */
export const agencyNameColumns = (name: LocalizedName) => ({ nameKk: name.kk, nameRu: name.ru, nameEn: name.en });

/** A LocalizedName from a selected row of `agencies`. */
export const agencyNameOf = (row: { nameKk: string; nameRu: string; nameEn: string }): LocalizedName => ({ kk: row.nameKk, ru: row.nameRu, en: row.nameEn });
