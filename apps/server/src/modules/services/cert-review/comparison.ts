import { fieldMetaOf, type Localized } from '@sw/contracts';
import type { AuthorityCertificate } from './authority.ts';
import {
  CERT_FIELDS,
  type CertForm,
  type CheckOutcome,
  type ComparisonRow,
  CUSTOMS_PORTS,
  GOODS_UNITS,
} from './contract.ts';

/** The fields compared, in the order the reviewer reads them (type and number found the record). */
const HEAD_FIELDS = [
  'certNo',
  'issuingAuthority',
  'issueDate',
  'validFrom',
  'validTo',
  'holderName',
  'holderCreditCode',
  'port',
] as const;
const LINE_FIELDS = ['hsCode', 'name', 'quantity', 'unit'] as const;

/** Text as compared: NFKC (full-width letters and digits as half-width), spaces collapsed, case kept. */
function normal(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

function shown(path: string, value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  const text = String(value);
  if (path === 'port') {
    const name = CUSTOMS_PORTS[text as keyof typeof CUSTOMS_PORTS];
    return name ? `${name['zh-CN']}（${text}）` : text;
  }
  if (path.endsWith('.unit')) return GOODS_UNITS[text as keyof typeof GOODS_UNITS]?.['zh-CN'] ?? text;
  return text;
}

function label(path: string): Localized {
  const meta = fieldMetaOf(CERT_FIELDS, path);
  const base = meta?.label ?? { 'zh-CN': path, 'zh-HK': path, en: path };
  const line = /^goods\.(\d+)\./.exec(path);
  if (!line) return base;
  const n = Number(line[1]) + 1;
  return {
    'zh-CN': `商品${n} ${base['zh-CN']}`,
    'zh-HK': `商品${n} ${base['zh-HK']}`,
    en: `Goods ${n} ${base.en}`,
  };
}

type Flat = Map<string, string>;

/** The compared values of a certificate, by path (`certNo`, `goods.0.hsCode` …), as shown. */
function flatten(cert: Pick<CertForm, (typeof HEAD_FIELDS)[number] | 'goods'>): Flat {
  const out: Flat = new Map();
  for (const field of HEAD_FIELDS) out.set(field, shown(field, cert[field]));
  cert.goods.forEach((line, i) => {
    for (const field of LINE_FIELDS)
      out.set(`goods.${i}.${field}`, shown(`goods.${i}.${field}`, line[field]));
  });
  return out;
}

function same(path: string, a: string, b: string): boolean {
  if (path.endsWith('.quantity')) return a !== '' && b !== '' && Number(a) === Number(b);
  return normal(a) === normal(b);
}

/**
 * The reviewer's side-by-side view (issue 10 §6): each declared field against the authority's,
 * and the suggestion — 一致 when every field agrees, 不一致 when any differs (or a goods line is
 * missing on either side), 未找到 when the authority has no such certificate.
 */
export function compareCertificate(
  declared: CertForm,
  authority: AuthorityCertificate | null,
): { outcome: CheckOutcome; rows: ComparisonRow[] } {
  const ours = flatten(declared);
  if (!authority) {
    return {
      outcome: 'not_found',
      rows: [...ours].map(([path, value]) => ({
        path,
        label: label(path),
        declared: value,
        authority: null,
        same: false,
      })),
    };
  }
  const theirs = flatten(authority as unknown as CertForm);
  const paths = [...new Set([...ours.keys(), ...theirs.keys()])];
  const rows = paths.map((path) => {
    const a = ours.get(path);
    const b = theirs.get(path);
    return {
      path,
      label: label(path),
      declared: a ?? '',
      authority: b ?? null,
      same: a !== undefined && b !== undefined && same(path, a, b),
    };
  });
  return { outcome: rows.every((row) => row.same) ? 'match' : 'mismatch', rows };
}

/** What changed at the authority between two answers, field by field. */
export function authorityChanges(
  before: AuthorityCertificate,
  after: AuthorityCertificate,
): { path: string; label: Localized; before: string; after: string }[] {
  const a = flatten(before as unknown as CertForm);
  const b = flatten(after as unknown as CertForm);
  const paths = [...new Set([...a.keys(), ...b.keys()])];
  return paths
    .filter((path) => !same(path, a.get(path) ?? '', b.get(path) ?? ''))
    .map((path) => ({ path, label: label(path), before: a.get(path) ?? '', after: b.get(path) ?? '' }));
}
