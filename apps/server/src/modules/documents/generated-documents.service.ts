import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { type Actor, DomainError, kazakhstanDate, rightsSheetSections, scopeOf, type DocumentLanguage, type EntitlementEnd } from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { appendAudit, type AuditContext } from '../../audit/audit.repository.ts';
import type { AuthContext } from '../../auth/auth.plugin.ts';
import { fieldContext } from '../../crypto/field-cipher.ts';
import type { DbOrTx } from '../../db/client.ts';
import { entitlements, persons } from '../../db/schema.ts';
import { personScope } from '../persons/persons.repository.ts';
import { documentTexts, hasDocumentText } from './document-texts.ts';
import { consentState, findPerson, findReferralForLetter, personReadable, type DocumentPerson } from './documents.repository.ts';
import { createPdf } from './pdf-writer.ts';

/**
 * The end dates of the person's entitlements (the `entitlements` table kept by the engine,
 * core `deriveEntitlements`), to print beside the general rights: only those in force or
 * lapsing, and only for a reader who may see the person's entitlements.
 */
export async function entitlementEndsForRightsSheet(db: DbOrTx, actor: Actor, personId: string): Promise<EntitlementEnd[]> {
  if (!scopeOf(actor.role, 'entitlement.read')) return [];
  return db
    .select({ code: entitlements.kind, endsOn: sql<string>`${entitlements.endsOn}` })
    .from(entitlements)
    .innerJoin(persons, eq(persons.id, entitlements.personId))
    .where(
      and(
        eq(entitlements.personId, personId),
        isNotNull(entitlements.endsOn),
        inArray(entitlements.state, ['active', 'lapsing']),
        personScope(actor, 'entitlement.read'),
      ),
    )
    .orderBy(asc(entitlements.endsOn), asc(entitlements.kind));
}

/** A date as people read it in every document language: 06.12.2026 (the form used in Kazakhstan and its neighbours). */
export const documentDate = (iso: string): string => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

const nameIn = (lang: DocumentLanguage, n: { nameKk: string; nameRu: string; nameEn: string }): string =>
  lang === 'kk' ? n.nameKk : lang === 'en' ? n.nameEn : n.nameRu;

export interface GeneratedPdf {
  filename: string;
  bytes: Buffer;
}

export function createGeneratedDocumentsService(deps: AppDeps) {
  const { db, cipher } = deps;
  const fullName = (p: DocumentPerson): string =>
    [p.secondNameEnc, p.firstNameEnc, p.middleNameEnc]
      .map((v, i) => (v ? cipher.decrypt(v, fieldContext('persons', ['second_name', 'first_name', 'middle_name'][i] as string, p.id)) : ''))
      .filter(Boolean)
      .join(' ');

  return {
    /** The information sheet on rights and entitlements (DOMAIN.md §2.4), in the person's language. */
    async rightsSheet(ctx: AuthContext, audit: AuditContext, personId: string, lang: DocumentLanguage): Promise<GeneratedPdf> {
      const person = await findPerson(db, ctx.actor, personId, personReadable(ctx.actor));
      if (!person) throw new DomainError('not_found');
      const now = deps.now();
      const today = kazakhstanDate(now);
      const ends = await entitlementEndsForRightsSheet(db, ctx.actor, personId);
      const t = documentTexts(lang);
      const pdf = createPdf({ title: t('rights.title'), lang, createdAt: now });
      pdf.title(t('rights.title'));
      pdf.field(t('common.date'), documentDate(today));
      if (person.identityVisible) pdf.field(t('common.person'), fullName(person));
      pdf.paragraph('');
      pdf.paragraph(t('rights.intro'));
      for (const section of rightsSheetSections(person.citizenship)) {
        pdf.heading(t(`rights.${section}.title`));
        pdf.paragraph(t(`rights.${section}.text`));
      }
      if (ends.length) {
        pdf.heading(t('rights.yourDates'));
        for (const e of ends) {
          const label = hasDocumentText(lang, `entitlement.${e.code}`) ? t(`entitlement.${e.code}`) : e.code;
          pdf.bullet(t('rights.endsOn', { entitlement: label, date: documentDate(e.endsOn) }));
        }
      }
      pdf.heading(t('rights.help.title'));
      pdf.paragraph(t('rights.help.text'));
      const bytes = await pdf.end();
      await appendAudit(db, audit, {
        operation: 'document.generated',
        recordType: 'person',
        recordId: personId,
        details: { document: 'rights_sheet', lang, foreign: person.citizenship !== 'KZ' },
      });
      return { filename: `rights-${lang}.pdf`, bytes };
    },

    /** The referral letter: reference, date, provider and contacts, services, sender, consent; the name only to a reader who may see it. */
    async referralLetter(ctx: AuthContext, audit: AuditContext, referralId: string, lang: DocumentLanguage): Promise<GeneratedPdf> {
      const found = await findReferralForLetter(db, ctx.actor, referralId);
      if (!found) throw new DomainError('not_found');
      const { referral, provider, referring } = found;
      // The referral is in the reader's scope; her own view of the person decides whether the name is printed.
      const person = await findPerson(db, ctx.actor, referral.personId, sql`true`);
      const now = deps.now();
      const today = kazakhstanDate(now);
      const consent = await consentState(db, referral.consentId, today);
      const t = documentTexts(lang);
      const pdf = createPdf({ title: t('letter.title'), lang, createdAt: now });
      pdf.title(t('letter.title'));
      pdf.field(t('letter.reference'), referral.reference);
      pdf.field(t('common.date'), documentDate(kazakhstanDate(referral.createdAt)));
      pdf.heading(t('letter.to'));
      pdf.paragraph(nameIn(lang, provider));
      for (const [key, value] of [
        ['address', provider.address],
        ['phone', provider.phone],
        ['email', provider.email],
      ] as const) {
        if (value) pdf.field(t(`letter.${key}`), value);
      }
      pdf.heading(t('letter.from'));
      pdf.paragraph(nameIn(lang, referring));
      pdf.heading(t('letter.person'));
      pdf.paragraph(person?.identityVisible ? fullName(person) : t('letter.identityWithheld', { pseudonym: person?.pseudonym ?? '—' }));
      pdf.heading(t('letter.services'));
      for (const s of referral.services) pdf.bullet(hasDocumentText(lang, `service.${s}`) ? t(`service.${s}`) : s);
      pdf.heading(t('letter.consent.title'));
      pdf.paragraph(t(`letter.consent.${referral.consentId ? consent : referral.overrideReasonEnc ? 'override' : 'none'}`));
      if (referral.emergency) pdf.paragraph(t('letter.emergency'));
      pdf.paragraph('');
      pdf.paragraph(t('letter.closing'));
      const bytes = await pdf.end();
      await appendAudit(db, audit, {
        operation: 'document.generated',
        recordType: 'person',
        recordId: referral.personId,
        details: { document: 'referral_letter', referralId, lang, identityShown: person?.identityVisible === true },
      });
      return { filename: `referral-${referral.reference}-${lang}.pdf`, bytes };
    },
  };
}
