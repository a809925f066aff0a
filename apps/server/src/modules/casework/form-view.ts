import {
  type FieldMeta,
  type FieldMetaMap,
  type FieldView,
  type FormSectionView,
  type FormView,
  fieldMetaOf,
  type Locale,
  maskEmail,
  maskIdNumber,
  maskMobile,
  maskName,
  maskNumber,
  type PersonalKind,
} from '@sw/contracts';

/**
 * The read-only form of any service, built from its field metadata alone (issue 10 §3): labels in
 * the viewer's language, coded values named, personal data masked by its kind. The console and the
 * applicant's page render this; neither knows any service.
 */

const MASKERS: Record<PersonalKind, (v: string) => string> = {
  id_number: maskIdNumber,
  mobile: maskMobile,
  phone: maskMobile,
  email: maskEmail,
  name: maskName,
  number: maskNumber,
  address: (v) =>
    [...v].length <= 6 ? `${[...v].slice(0, 1).join('')}****` : `${[...v].slice(0, 6).join('')}****`,
};

/** A value masked as its kind says. */
export function maskPersonal(kind: PersonalKind, value: string): string {
  return MASKERS[kind](value);
}

const YES: Record<Locale, string> = { 'zh-CN': '是', 'zh-HK': '是', en: 'Yes' };
const NO: Record<Locale, string> = { 'zh-CN': '否', 'zh-HK': '否', en: 'No' };

type Options = {
  locale: Locale;
  /** show personal data whole (the applicant's own application) */
  unmasked: boolean;
  /** the viewer may ask to see masked fields whole (staff of the service) */
  revealable: boolean;
};

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isSecret(key: string, meta: FieldMeta | undefined): boolean {
  return meta?.hidden === true || /password/i.test(key);
}

/** Left out of read-only views: secrets, and codes another field names (`internal`). */
function notShown(key: string, meta: FieldMeta | undefined): boolean {
  return isSecret(key, meta) || meta?.internal === true;
}

/** A scalar as shown: a name for a coded value, a display for computed ones, yes/no. */
function display(meta: FieldMeta | undefined, value: unknown, locale: Locale): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'boolean') return value ? YES[locale] : NO[locale];
  if (Array.isArray(value)) {
    const parts = value.map((v) => display(meta, v, locale)).filter((v): v is string => v !== null);
    return parts.length > 0 ? parts.join(locale === 'en' ? ', ' : '、') : null;
  }
  if (typeof value !== 'string' && typeof value !== 'number') return JSON.stringify(value);
  const text = String(value);
  if (meta?.values?.[text]) return meta.values[text][locale];
  if (meta?.display) return meta.display(text, locale);
  return text;
}

function fieldView(fields: FieldMetaMap, path: string, key: string, value: unknown, o: Options): FieldView {
  const meta = fieldMetaOf(fields, path);
  const shown = display(meta, value, o.locale);
  const personal = meta?.personal;
  const masked = personal !== undefined && shown !== null && !o.unmasked;
  return {
    path,
    label: meta?.label[o.locale] ?? key,
    value: masked && personal ? maskPersonal(personal, shown) : shown,
    multiline: meta?.multiline === true || (typeof shown === 'string' && shown.includes('\n')),
    masked,
    revealable: masked && o.revealable,
  };
}

/** Keys in the order the metadata declares them (then any others, as the form has them). */
function ordered(fields: FieldMetaMap, prefix: string, keys: string[]): string[] {
  const declared = Object.keys(fields)
    .filter((p) => p.startsWith(prefix))
    .map((p) => p.slice(prefix.length).split('.')[0]!);
  const rank = (k: string) => {
    const i = declared.indexOf(k);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  return [...keys].sort((a, b) => rank(a) - rank(b));
}

/** The fields of an object, nested objects flattened into dotted paths. */
function flatFields(
  fields: FieldMetaMap,
  base: string,
  value: Record<string, unknown>,
  o: Options,
): FieldView[] {
  const out: FieldView[] = [];
  for (const key of ordered(fields, base ? `${base}.` : '', Object.keys(value))) {
    const path = base ? `${base}.${key}` : key;
    const v = value[key];
    if (notShown(key, fieldMetaOf(fields, path))) continue;
    if (isPlainObject(v)) out.push(...flatFields(fields, path, v, o));
    else out.push(fieldView(fields, path, key, v, o));
  }
  return out;
}

export function buildFormView(fields: FieldMetaMap, form: Record<string, unknown>, o: Options): FormView {
  const main: FieldView[] = [];
  const sections: FormSectionView[] = [];
  for (const key of ordered(fields, '', Object.keys(form))) {
    const value = form[key];
    const meta = fieldMetaOf(fields, key);
    if (notShown(key, meta)) continue;
    const title = meta?.label[o.locale] ?? key;
    if (isPlainObject(value)) {
      sections.push({ kind: 'fields', key, title, fields: flatFields(fields, key, value, o) });
    } else if (Array.isArray(value) && value.length > 0 && value.every(isPlainObject)) {
      const columns: string[] = [];
      for (const row of value) for (const k of Object.keys(row)) if (!columns.includes(k)) columns.push(k);
      const visible = ordered(fields, `${key}.*.`, columns).filter(
        (k) => !notShown(k, fieldMetaOf(fields, `${key}.*.${k}`)),
      );
      sections.push({
        kind: 'table',
        key,
        title,
        columns: visible.map((k) => ({
          key: k,
          label: fieldMetaOf(fields, `${key}.*.${k}`)?.label[o.locale] ?? k,
        })),
        rows: value.map((row, i) => visible.map((k) => fieldView(fields, `${key}.${i}.${k}`, k, row[k], o))),
      });
    } else {
      main.push(fieldView(fields, key, key, value, o));
    }
  }
  return {
    sections:
      main.length > 0 ? [{ kind: 'fields', key: '', title: null, fields: main }, ...sections] : sections,
  };
}

/** The value at a dotted path of a form (`contacts.0.idNumber`), or undefined. */
export function valueAt(form: Record<string, unknown>, path: string): unknown {
  let at: unknown = form;
  for (const part of path.split('.')) {
    if (Array.isArray(at) && /^\d+$/.test(part)) at = at[Number(part)];
    else if (isPlainObject(at) && Object.hasOwn(at, part)) at = at[part];
    else return undefined;
  }
  return at;
}

/** A form without its secret fields (passwords): what its applicant edits. */
export function withoutSecrets(
  fields: FieldMetaMap,
  form: Record<string, unknown>,
  base = '',
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(form)) {
    const path = base ? `${base}.${key}` : key;
    if (isSecret(key, fieldMetaOf(fields, path))) continue;
    out[key] = isPlainObject(v) ? withoutSecrets(fields, v, path) : v;
  }
  return out;
}
