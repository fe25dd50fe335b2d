import { createHash } from 'node:crypto';
import { buildScreeningForm, type FormText, type LabelOf, type ScreeningForm, toXForm, toXlsFormSheets } from '@qorgau/core';
import ExcelJS from 'exceljs';
import type { AppDeps } from '../../app-deps.ts';

export interface PublishedForm {
  form: ScreeningForm;
  xform: string;
  /** OpenRosa's form hash (`md5:…`): a client downloads the form again when it changes. */
  hash: string;
  /** Every indicator id of the lists in force. */
  indicators: Set<string>;
}

/**
 * The screening form for the lists and rules in force (an administrator's upload changes them,
 * and with them the form's version), worded as the web app words it. Built once per reference set.
 */
export function createScreeningFormService(deps: AppDeps) {
  const label: LabelOf = (key, params) => ({
    kk: deps.translator.t('kk', key, params),
    ru: deps.translator.t('ru', key, params),
    en: deps.translator.t('en', key, params),
  });
  // Built again only when the reference set in force is another one (the store hands out the
  // same object until an upload changes it): translating every label took a few ms a submission.
  let cached: { from: object; published: PublishedForm } | null = null;

  async function current(): Promise<PublishedForm> {
    const reference = await deps.reference.current();
    if (cached?.from === reference) return cached.published;
    const { lists, rules } = reference;
    const form = buildScreeningForm(lists, rules, label);
    const xform = toXForm(form);
    const published = {
      form,
      xform,
      hash: `md5:${createHash('md5').update(xform, 'utf8').digest('hex')}`,
      indicators: new Set(lists.flatMap((l) => l.indicators.map((i) => i.id))),
    };
    cached = { from: reference, published };
    return published;
  }

  return {
    current,

    /** The XLSForm workbook, for ODK Central or KoboToolbox (what they import to publish it themselves). */
    async xlsform(): Promise<{ body: Buffer; version: string }> {
      const { form } = await current();
      const sheets = toXlsFormSheets(form);
      const workbook = new ExcelJS.Workbook();
      for (const [name, rows] of Object.entries(sheets)) {
        const sheet = workbook.addWorksheet(name);
        for (const row of rows) sheet.addRow(row);
        sheet.getRow(1).font = { bold: true };
      }
      return { body: Buffer.from(await workbook.xlsx.writeBuffer()), version: form.version };
    },
  };
}

export type ScreeningFormService = ReturnType<typeof createScreeningFormService>;
export type { FormText };
