import { FORM_LANGUAGES, type FormField, type FormLanguage, type FormText, type ScreeningForm } from './screening-form.ts';

/**
 * The screening form as an ODK XForm (the W3C XForms profile OpenRosa clients download): the
 * instance, binds with types, required, relevance and constraints, labels in kk/ru/en through
 * itext, and `meta/instanceID` preloaded with a UUID, which makes a resubmission recognisable.
 */

/** The language names clients show in their language menu; the code in parentheses is what Enketo reads. */
const LANGUAGE_NAMES: Record<FormLanguage, string> = { kk: 'Қазақша (kk)', ru: 'Русский (ru)', en: 'English (en)' };

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Every field's instance path, by name (`${name}` references are resolved with it). */
function pathsOf(fields: readonly FormField[], parent = '/data', out = new Map<string, string>()): Map<string, string> {
  for (const f of fields) {
    const path = `${parent}/${f.name}`;
    if (out.has(f.name)) throw new Error(`The form names ${f.name} twice`);
    out.set(f.name, path);
    if (f.kind === 'group') pathsOf(f.children, path, out);
  }
  return out;
}

function resolve(expr: string, paths: Map<string, string>): string {
  return expr.replace(/\$\{([A-Za-z_][A-Za-z0-9_.-]*)\}/g, (_, name: string) => {
    const path = paths.get(name);
    if (!path) throw new Error(`The form refers to \${${name}}, which it does not have`);
    return path;
  });
}

interface Texts {
  add(id: string, text: FormText): void;
  xml(): string;
}

function itext(): Texts {
  const entries: [string, FormText][] = [];
  return {
    add: (id, text) => {
      entries.push([id, text]);
    },
    xml: () =>
      FORM_LANGUAGES.map(
        (lang, i) =>
          `<translation lang="${LANGUAGE_NAMES[lang]}"${i === 0 ? ' default="true()"' : ''}>${entries
            .map(([id, t]) => `<text id="${escapeXml(id)}"><value>${escapeXml(t[lang] ?? t.en)}</value></text>`)
            .join('')}</translation>`,
      ).join(''),
  };
}

const XSD_TYPE = { date: 'date', int: 'int', string: 'string', select1: 'string', select: 'string' } as const;

/** The form's instance elements, nested as its groups nest them, each leaf holding its value if one is given. */
function instanceElements(fields: readonly FormField[], values: Readonly<Record<string, string>>): string {
  return fields
    .map((f) => {
      if (f.kind === 'group') return `<${f.name}>${instanceElements(f.children, values)}</${f.name}>`;
      const value = values[f.name];
      return value === undefined ? `<${f.name}/>` : `<${f.name}>${escapeXml(value)}</${f.name}>`;
    })
    .join('');
}

/**
 * A filled instance as a field app submits it: the form's own nesting, the values given by
 * field name (the rest left empty), the instance id in `meta`. For the demo seed, benchmarks and
 * tests that submit as ODK Collect does; a name the form does not have is refused, so a
 * misspelt field never goes out silently empty.
 */
export function filledInstance(form: ScreeningForm, values: Readonly<Record<string, string>>, instanceId: string): string {
  const names = pathsOf(form.fields);
  for (const name of Object.keys(values)) if (!names.has(name)) throw new Error(`The form has no field ${name}`);
  return `<?xml version="1.0"?><data id="${escapeXml(form.id)}" version="${escapeXml(form.version)}">${instanceElements(form.fields, values)}<meta><instanceID>${escapeXml(instanceId)}</instanceID><instanceName>${escapeXml(form.id)}</instanceName></meta></data>`;
}

/** The XForm XML of a form definition. */
export function toXForm(form: ScreeningForm): string {
  const paths = pathsOf(form.fields);
  const texts = itext();
  const binds: string[] = [];
  const labelRef = (path: string, kind: 'label' | 'hint' | 'jr:constraintMsg') => `jr:itext('${path}:${kind === 'jr:constraintMsg' ? 'constraintMsg' : kind}')`;

  const body = (fields: readonly FormField[]): string =>
    fields
      .map((f) => {
        const path = paths.get(f.name) as string;
        texts.add(`${path}:label`, f.label);
        if (f.hint) texts.add(`${path}:hint`, f.hint);
        const attrs = [`nodeset="${path}"`];
        if (f.kind !== 'group') attrs.push(`type="${XSD_TYPE[f.kind === 'input' ? f.type : f.kind]}"`);
        if (f.required) attrs.push('required="true()"');
        if (f.relevant) attrs.push(`relevant="${escapeXml(resolve(f.relevant, paths))}"`);
        if (f.constraint) attrs.push(`constraint="${escapeXml(resolve(f.constraint, paths))}"`);
        if (f.constraintMessage) {
          texts.add(`${path}:constraintMsg`, f.constraintMessage);
          attrs.push(`jr:constraintMsg="${labelRef(path, 'jr:constraintMsg')}"`);
        }
        if (attrs.length > 1 || f.kind === 'group') binds.push(`<bind ${attrs.join(' ')}/>`);
        const label = `<label ref="${labelRef(path, 'label')}"/>${f.hint ? `<hint ref="${labelRef(path, 'hint')}"/>` : ''}`;
        if (f.kind === 'group') return `<group ref="${path}">${label}${body(f.children)}</group>`;
        if (f.kind === 'input') return `<input ref="${path}">${label}</input>`;
        const items = (form.choices[f.list] ?? [])
          .map((c) => {
            texts.add(`${path}/${c.name}:label`, c.label);
            return `<item><label ref="jr:itext('${path}/${c.name}:label')"/><value>${escapeXml(c.name)}</value></item>`;
          })
          .join('');
        return `<${f.kind} ref="${path}">${label}${items}</${f.kind}>`;
      })
      .join('');

  texts.add('/data:title', form.title);
  const bodyXml = body(form.fields);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml" xmlns:jr="http://openrosa.org/javarosa" xmlns:orx="http://openrosa.org/xforms" xmlns:odk="http://www.opendatakit.org/xforms" xmlns:xsd="http://www.w3.org/2001/XMLSchema">',
    `<h:head><h:title>${escapeXml(form.title.en)}</h:title>`,
    `<model odk:xforms-version="1.0.0"><itext>${texts.xml()}</itext>`,
    `<instance><data id="${escapeXml(form.id)}" version="${escapeXml(form.version)}">${instanceElements(form.fields, {})}<meta><instanceID/><instanceName/></meta></data></instance>`,
    ...binds,
    '<bind nodeset="/data/meta/instanceID" type="string" readonly="true()" jr:preload="uid"/>',
    `<bind nodeset="/data/meta/instanceName" type="string" calculate="concat('${escapeXml(form.id)} ', ${paths.get('encounter_date') ?? "''"})"/>`,
    '</model></h:head>',
    `<h:body>${bodyXml}</h:body>`,
    '</h:html>',
  ].join('\n');
}
