import { XMLParser } from 'fast-xml-parser';

/**
 * The OpenRosa wire formats (https://docs.getodk.org/openrosa/): the form list, the response
 * envelope, and reading a submitted instance. Instances are data, never documents to resolve:
 * a DOCTYPE (entity expansion, external entities) is refused before parsing.
 */

export const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function formListXml(forms: { id: string; name: string; version: string; hash: string; downloadUrl: string }[]): string {
  const items = forms
    .map(
      (f) =>
        `<xform><formID>${escapeXml(f.id)}</formID><name>${escapeXml(f.name)}</name><version>${escapeXml(f.version)}</version>` +
        `<hash>${escapeXml(f.hash)}</hash><downloadUrl>${escapeXml(f.downloadUrl)}</downloadUrl></xform>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><xforms xmlns="http://openrosa.org/xforms/xformsList">${items}</xforms>`;
}

/** The envelope every submission answer carries; `nature` tells Collect how to show the message. */
export const responseXml = (message: string, nature: 'submit_success' | 'error') =>
  `<?xml version="1.0" encoding="UTF-8"?><OpenRosaResponse xmlns="http://openrosa.org/http/response"><message nature="${nature}">${escapeXml(message)}</message></OpenRosaResponse>`;

export interface ReadInstance {
  formId: string;
  version: string;
  instanceId: string;
  /** Every leaf element by name (meta excluded), its text trimmed. */
  values: Map<string, string>;
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, parseAttributeValue: false, trimValues: true });

function leaves(node: unknown, out: Map<string, string>): void {
  if (!node || typeof node !== 'object') return;
  for (const [name, value] of Object.entries(node as Record<string, unknown>)) {
    if (name.startsWith('@_') || name === 'meta') continue;
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string' || typeof first === 'number') out.set(name, String(first));
    else if (first && typeof first === 'object' && '#text' in first) out.set(name, String((first as { '#text': unknown })['#text']));
    else if (first && typeof first === 'object') {
      if (Object.keys(first).every((k) => k.startsWith('@_'))) out.set(name, '');
      else leaves(first, out);
    } else out.set(name, '');
  }
}

/** The instance's form id, version, instance id and answers, or null when it is not an XForm instance at all. */
export function readInstance(xml: string): ReadInstance | null {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) return null;
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(xml, true) as Record<string, unknown>;
  } catch {
    return null;
  }
  const roots = Object.entries(doc).filter(([k]) => !k.startsWith('?'));
  if (roots.length !== 1) return null;
  const root = roots[0]?.[1] as Record<string, unknown> | undefined;
  if (!root || typeof root !== 'object') return null;
  const meta = root.meta as Record<string, unknown> | undefined;
  const values = new Map<string, string>();
  leaves(root, values);
  return {
    formId: String(root['@_id'] ?? ''),
    version: String(root['@_version'] ?? ''),
    instanceId: typeof meta?.instanceID === 'string' ? meta.instanceID : '',
    values,
  };
}
