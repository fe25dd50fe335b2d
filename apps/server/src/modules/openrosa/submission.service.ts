import { createHash } from 'node:crypto';
import { isDomainError, SCREENING_FORM_ID, screeningFromSubmission } from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import type { AuditContext } from '../../audit/audit.repository.ts';
import type { AuthContext } from '../../auth/auth.plugin.ts';
import type { Locale } from '../../http/i18n.ts';
import { createScreeningsService } from '../screenings/screenings.service.ts';
import { readInstance } from './openrosa-xml.ts';
import type { ScreeningFormService } from './screening-form.service.ts';

/** Why a submission was not taken, with the HTTP status OpenRosa clients expect and a message in her language. */
export class SubmissionRefused extends Error {
  constructor(
    readonly status: 400 | 404 | 403,
    message: string,
  ) {
    super(message);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/**
 * The screening's client id from the instance id (`uuid:…`, which Collect preloads once per
 * filled form): the same instance sent twice is the same screening. An instance id that is not
 * a UUID (another app's) gets a stable UUID from its hash.
 */
export function clientIdOfInstance(instanceId: string): string {
  const bare = instanceId.replace(/^uuid:/i, '');
  if (UUID.test(bare)) return bare.toLowerCase();
  const h = createHash('sha256').update(`instance:${instanceId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((Number.parseInt(h[16] as string, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * A screening submitted from a field app becomes a screening exactly as if entered in the web
 * app: the same service (rules evaluated here, consent rules, linkage, audit). The instance id
 * makes a resubmission answer with the screening already made; an instance of an older version
 * of the form is taken, its version kept with the screening.
 */
export function createSubmissionService(deps: AppDeps, forms: ScreeningFormService) {
  const screenings = createScreeningsService(deps);
  const t = (locale: Locale, key: string, params?: Record<string, string | number>) => deps.translator.t(locale, key, params);

  return {
    async submit(
      auth: AuthContext & { deviceKeyId: string },
      audit: AuditContext,
      xml: string,
      locale: Locale,
    ): Promise<{ created: boolean; reference: string }> {
      const instance = readInstance(xml);
      if (!instance) throw new SubmissionRefused(400, t(locale, 'openrosa.notAnInstance'));
      if (instance.formId !== SCREENING_FORM_ID) throw new SubmissionRefused(404, t(locale, 'openrosa.unknownForm', { form: instance.formId.slice(0, 80) }));
      if (!instance.instanceId) throw new SubmissionRefused(400, t(locale, 'openrosa.noInstanceId'));
      const published = await forms.current();
      const read = screeningFromSubmission(instance.values, published.indicators);
      if (!read.ok) {
        const fields = read.issues.map((i) => `${i.field}: ${t(locale, `validation.${i.code}`)}`).join('; ');
        throw new SubmissionRefused(400, t(locale, 'openrosa.invalidInstance', { fields }));
      }
      const clientId = clientIdOfInstance(instance.instanceId);
      const formSubmission = { formId: instance.formId, version: instance.version, instanceId: instance.instanceId, unknownIndicators: read.unknownIndicators };
      try {
        // The device's entry in the same transaction as the screening; a resubmission writes neither.
        const screening = await screenings.record(
          auth,
          audit,
          { ...read.body, clientId },
          {
            formSubmission,
            alsoAudit: (screeningId) => ({
              operation: 'screening.submitted_from_device',
              recordType: 'screening',
              recordId: screeningId,
              details: { deviceKeyId: auth.deviceKeyId, ...formSubmission, current: instance.version === published.form.version },
            }),
          },
        );
        return { created: screening.created, reference: screening.reference };
      } catch (e) {
        if (isDomainError(e) && e.code === 'validation_failed') {
          const fields = e.fields.map((f) => `${f.path}: ${t(locale, `validation.${f.code}`, f.params)}`).join('; ');
          throw new SubmissionRefused(400, t(locale, 'openrosa.invalidInstance', { fields }));
        }
        if (isDomainError(e) && (e.code === 'not_found' || e.code === 'forbidden')) throw new SubmissionRefused(403, t(locale, 'openrosa.notYours'));
        throw e;
      }
    },
  };
}
