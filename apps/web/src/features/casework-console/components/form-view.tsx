import {
  CONTACT_ROLE_NAMES,
  ENTERPRISE_TYPE_NAMES,
  ENTITY_TYPE_NAMES,
  findDivision,
  ID_TYPES,
  type Locale,
  REGISTRATION_TYPE_NAMES,
} from '@sw/contracts';
import { Descriptions, type DescriptionsProps, Empty, Table } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../hooks/use-locale';
import { localized } from '../api/services';

type Scalar = string | number;

/** Coded values whose names the contracts carry, by the form key that holds them. */
const VALUE_NAMES: Record<string, Record<string, Partial<Record<Locale, string>>>> = {
  registrationType: REGISTRATION_TYPE_NAMES,
  entityTypes: ENTITY_TYPE_NAMES,
  enterpriseType: ENTERPRISE_TYPE_NAMES,
  role: CONTACT_ROLE_NAMES,
};

/** GB/T 2260 division codes, shown as names. */
const DIVISION_KEYS = new Set(['province', 'city', 'district']);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type Formatter = {
  label: (key: string) => string;
  scalar: (key: string, value: Scalar) => string;
  none: string;
  yes: string;
  no: string;
};

function useFormatter(): Formatter {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = t('casework.formLabels', { returnObjects: true }) as unknown as Record<string, string>;
  return {
    label: (key) => labels[key] ?? key,
    scalar: (key, value) => {
      const text = String(value);
      const names = VALUE_NAMES[key]?.[text];
      if (names) return localized(names, locale);
      if (key === 'idType' && (ID_TYPES as readonly string[]).includes(text)) {
        return t(`idTypes.${text}` as 'idTypes.resident_id');
      }
      if (DIVISION_KEYS.has(key)) return findDivision(text)?.name ?? text;
      return text;
    },
    none: t('common.none'),
    yes: t('casework.yes'),
    no: t('casework.no'),
  };
}

function renderValue(key: string, value: unknown, f: Formatter): ReactNode {
  if (value === null || value === undefined || value === '') return f.none;
  if (typeof value === 'boolean') return value ? f.yes : f.no;
  if (typeof value === 'string' || typeof value === 'number') {
    // multi-line text (经营范围) keeps its line breaks
    return typeof value === 'string' && value.includes('\n') ? (
      <span style={{ whiteSpace: 'pre-wrap' }}>{value}</span>
    ) : (
      f.scalar(key, value)
    );
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return f.none;
    if (value.every(isPlainObject)) return <SubTable rows={value} f={f} />;
    return value
      .map((v) => (typeof v === 'string' || typeof v === 'number' ? f.scalar(key, v) : JSON.stringify(v)))
      .join('、');
  }
  if (isPlainObject(value)) return <SubDescriptions value={value} f={f} />;
  return String(value);
}

function SubDescriptions({ value, f }: { value: Record<string, unknown>; f: Formatter }) {
  const items: DescriptionsProps['items'] = Object.entries(value).map(([key, v]) => ({
    key,
    label: f.label(key),
    children: renderValue(key, v, f),
    ...(isPlainObject(v) || (Array.isArray(v) && v.some(isPlainObject)) ? { span: 'filled' as const } : {}),
  }));
  return <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} />;
}

function SubTable({ rows, f }: { rows: Record<string, unknown>[]; f: Formatter }) {
  const keys: string[] = [];
  for (const row of rows) for (const key of Object.keys(row)) if (!keys.includes(key)) keys.push(key);
  return (
    <Table<Record<string, unknown>>
      className="sw-cw-form-table"
      size="small"
      bordered
      pagination={false}
      rowKey={(_, index) => String(index)}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      columns={keys.map((key) => ({
        key,
        title: f.label(key),
        render: (_, row) => renderValue(key, row[key], f),
      }))}
    />
  );
}

/**
 * The application form, whatever the service: top-level values as one description list, then each
 * group (an object: 管理员账户信息) as its own list and each list of rows (联系方式) as a table.
 * Keys are labelled from the locale (`casework.formLabels`) and fall back to the key itself.
 */
export function FormView({ form }: { form: Record<string, unknown> }) {
  const { t } = useTranslation();
  const f = useFormatter();
  const entries = Object.entries(form);
  if (entries.length === 0)
    return <Empty description={<span className="sw-empty-text">{t('casework.detail.formEmpty')}</span>} />;
  const isGroup = (v: unknown) =>
    isPlainObject(v) || (Array.isArray(v) && v.length > 0 && v.every(isPlainObject));
  const plain = entries.filter(([, v]) => !isGroup(v));
  const groups = entries.filter(([, v]) => isGroup(v));
  return (
    <>
      {plain.length > 0 ? (
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          items={plain.map(([key, v]) => ({ key, label: f.label(key), children: renderValue(key, v, f) }))}
        />
      ) : null}
      {groups.map(([key, v]) => (
        <section key={key} className="sw-block-top">
          <h3 className="sw-cw-slot-title">{f.label(key)}</h3>
          {renderValue(key, v, f)}
        </section>
      ))}
    </>
  );
}
