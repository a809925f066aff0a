import { errorMessage, ID_TYPES, isValidUsername, type Locale } from '@sw/contracts';
import { Checkbox, Col, Form, type FormInstance, type FormRule, Input, Row, Select } from 'antd';
import { type ReactNode, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CONTACT_ROLE_NAMES,
  CONTACT_ROLES,
  ENTERPRISE_TYPE_NAMES,
  ENTERPRISE_TYPES,
  ENTITY_TYPE_NAMES,
  ENTITY_TYPES,
  type EntityType,
  type RegistrationType,
} from '../../../../../server/src/modules/services/enterprise-registration/contract.ts';
import { useLocale } from '../../../hooks/use-locale';
import { isUsernameAvailable } from '../api/enterprise-review';
import { useMessages } from '../messages';
import { type FormSchema, schemaErrors, toFormBody, type UiForm } from '../utils/form-model';
import { DivisionCascader } from './division-cascader';

type Name = (string | number)[];
type RuleFor = (name: Name, required?: boolean) => FormRule[];

function isBlank(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  return Array.isArray(value) && value.length === 0;
}

/**
 * Field rules that run the contract's own schema over the whole form and keep the errors of one
 * field, so the browser refuses exactly what the server refuses (cross-field rules included).
 */
// biome-ignore lint/suspicious/noExplicitAny: the registration and correction forms differ in shape
export function useSchemaRules(form: FormInstance<any>, schema: FormSchema, withPassword: boolean): RuleFor {
  const locale = useLocale();
  return useCallback(
    (name: Name, required = false) => [
      {
        validator: async () => {
          const value = form.getFieldValue(name);
          if (required && isBlank(value)) throw new Error(errorMessage('field.required', locale));
          const ui = form.getFieldValue('form') as UiForm;
          const found = schemaErrors(schema, toFormBody(ui, withPassword), locale).get(JSON.stringify(name));
          if (found?.errors[0]) throw new Error(found.errors[0]);
        },
      },
    ],
    [form, schema, withPassword, locale],
  );
}

function Field({ children, wide }: { children: ReactNode; wide?: boolean }) {
  return (
    <Col xs={24} md={wide ? 24 : 12}>
      {children}
    </Col>
  );
}

export function SectionTitle({ children }: { children: ReactNode }) {
  return <h2 className="sw-form-section sw-er-section">{children}</h2>;
}

const upper = (v: string | undefined) => v?.toUpperCase();

/** 基本信息 (001 图 4 / 图 8): the fields of the registration type, starred as in the manual. */
export function BasicSection({ type, rule }: { type: RegistrationType; rule: RuleFor }) {
  const m = useMessages();
  const locale = useLocale();
  const unified = type === 'unified';
  const f = (key: string) => `fields.${key}` as 'fields.region';
  return (
    <section aria-labelledby="er-basic">
      <SectionTitle>
        <span id="er-basic">{m('sections.basic')}</span>
      </SectionTitle>
      <Row gutter={24}>
        <Field>
          <Form.Item
            name={['form', 'region']}
            label={m(f('region'))}
            required
            rules={rule(['form', 'region'], true)}
          >
            <DivisionCascader />
          </Form.Item>
        </Field>
        <Field>
          <Form.Item
            name={['form', 'nameZh']}
            label={m(f('nameZh'))}
            required
            rules={rule(['form', 'nameZh'], true)}
          >
            <Input maxLength={100} autoComplete="organization" />
          </Form.Item>
        </Field>
        <Field>
          <Form.Item name={['form', 'nameEn']} label={m(f('nameEn'))} rules={rule(['form', 'nameEn'])}>
            <Input maxLength={200} />
          </Form.Item>
        </Field>
        <Field>
          <Form.Item
            name={['form', 'shortName']}
            label={m(f('shortName'))}
            rules={rule(['form', 'shortName'])}
          >
            <Input maxLength={50} />
          </Form.Item>
        </Field>
        <Field>
          <Form.Item
            name={['form', 'address']}
            label={m(f('address'))}
            required
            rules={rule(['form', 'address'], true)}
          >
            <Input maxLength={200} autoComplete="street-address" />
          </Form.Item>
        </Field>
        <Field>
          <Form.Item
            name={['form', 'postalCode']}
            label={m(f('postalCode'))}
            rules={rule(['form', 'postalCode'])}
          >
            <Input maxLength={6} inputMode="numeric" autoComplete="postal-code" />
          </Form.Item>
        </Field>
        {unified ? (
          <Field>
            <Form.Item
              name={['form', 'creditCode']}
              label={m(f('creditCode'))}
              required
              normalize={upper}
              rules={rule(['form', 'creditCode'], true)}
            >
              <Input maxLength={18} autoComplete="off" />
            </Form.Item>
          </Field>
        ) : (
          <>
            <Field>
              <Form.Item
                name={['form', 'orgCode']}
                label={m(f('orgCode'))}
                extra={m(f('orgCodeHint'))}
                required
                normalize={upper}
                rules={rule(['form', 'orgCode'], true)}
              >
                <Input maxLength={10} autoComplete="off" />
              </Form.Item>
            </Field>
            <Field>
              <Form.Item
                name={['form', 'taxRegistrationNo']}
                label={m(f('taxRegistrationNo'))}
                normalize={upper}
                rules={rule(['form', 'taxRegistrationNo'])}
              >
                <Input maxLength={20} autoComplete="off" />
              </Form.Item>
            </Field>
            <Field>
              <Form.Item
                name={['form', 'businessLicenceNo']}
                label={m(f('businessLicenceNo'))}
                normalize={upper}
                rules={rule(['form', 'businessLicenceNo'])}
              >
                <Input maxLength={18} autoComplete="off" />
              </Form.Item>
            </Field>
          </>
        )}
        <Field>
          <Form.Item name={['form', 'bankName']} label={m(f('bankName'))} rules={rule(['form', 'bankName'])}>
            <Input maxLength={100} />
          </Form.Item>
        </Field>
        <Field>
          <Form.Item
            name={['form', 'bankAccount']}
            label={m(f('bankAccount'))}
            rules={rule(['form', 'bankAccount'])}
          >
            <Input maxLength={40} inputMode="numeric" autoComplete="off" />
          </Form.Item>
        </Field>
        <Field>
          <Form.Item
            name={['form', 'eportCardNo']}
            label={m(f('eportCardNo'))}
            extra={m(f('eportCardNoHint'))}
            rules={rule(['form', 'eportCardNo'])}
          >
            <Input maxLength={20} inputMode="numeric" autoComplete="off" />
          </Form.Item>
        </Field>
        <Field>
          <Form.Item
            name={['form', 'registeredCapital']}
            label={m(f('registeredCapital'))}
            extra={m(f('registeredCapitalHint'))}
            rules={rule(['form', 'registeredCapital'])}
          >
            <Input maxLength={50} />
          </Form.Item>
        </Field>
        {(
          [
            ['customsCode', 10],
            ['foreignTradeCode', 30],
            ['inspectionCode', 10],
            ['borderCode', 30],
            ['portCode', 30],
            ['forexCode', 30],
          ] as const
        ).map(([key, max]) => (
          <Field key={key}>
            <Form.Item
              name={['form', key]}
              label={m(f(key))}
              normalize={upper}
              extra={key === 'customsCode' || key === 'inspectionCode' ? m(f('mustGiveHint')) : undefined}
              rules={rule(['form', key])}
            >
              <Input maxLength={max} autoComplete="off" />
            </Form.Item>
          </Field>
        ))}
        {type === 'institution' ? null : (
          <Field>
            <Form.Item
              name={['form', 'enterpriseType']}
              label={m(f('enterpriseType'))}
              extra={m(f('enterpriseTypeHint'))}
              rules={rule(['form', 'enterpriseType'])}
            >
              <Select
                allowClear
                placeholder={m(f('selectPlaceholder'))}
                options={ENTERPRISE_TYPES.map((value) => ({
                  value,
                  label: ENTERPRISE_TYPE_NAMES[value][locale],
                }))}
              />
            </Form.Item>
          </Field>
        )}
        <Field wide>
          <Form.Item
            name={['form', 'businessScope']}
            label={m(f('businessScope'))}
            rules={rule(['form', 'businessScope'])}
          >
            <Input.TextArea rows={3} maxLength={1000} showCount />
          </Form.Item>
        </Field>
        <Field wide>
          <Form.Item
            name={['form', 'entityTypes']}
            label={m(f('entityTypes'))}
            extra={m(f('entityTypesHint'))}
            required
            rules={rule(['form', 'entityTypes'], true)}
          >
            <EntityTypesInput label={m(f('entityTypes'))} />
          </Form.Item>
        </Field>
      </Row>
    </section>
  );
}

/**
 * 实体类型 as a labelled group of checkboxes. antd's Form.Item gives its control `aria-required`,
 * which a group may not carry; the group takes the label and the field's help instead.
 */
function EntityTypesInput({
  id,
  label,
  value,
  onChange,
  'aria-describedby': describedBy,
}: {
  id?: string;
  label: string;
  value?: EntityType[];
  onChange?: (value: EntityType[]) => void;
  'aria-describedby'?: string;
}) {
  const locale = useLocale();
  return (
    <fieldset id={id} className="sw-er-fieldset" aria-label={label} aria-describedby={describedBy}>
      <Checkbox.Group<EntityType>
        value={value}
        onChange={(v) => onChange?.(v)}
        options={ENTITY_TYPES.map((v) => ({ value: v, label: ENTITY_TYPE_NAMES[v][locale] }))}
      />
    </fieldset>
  );
}

const CONTACT_COLUMNS = ['name', 'idType', 'idNumber', 'phone', 'fax', 'mobile', 'email'] as const;

/** 联系方式 (001 图 5 / 图 9): 法人代表, 总经理, 财务联系人 — a fixed table, every cell optional. */
export function ContactsSection({ rule }: { rule: RuleFor }) {
  const { t } = useTranslation();
  const m = useMessages();
  const locale = useLocale();
  const col = (key: string) => m(`contacts.${key}` as 'contacts.name');
  return (
    <section aria-labelledby="er-contacts">
      <SectionTitle>
        <span id="er-contacts">{m('sections.contacts')}</span>
      </SectionTitle>
      <p className="sw-muted">{m('contacts.hint')}</p>
      <div className="sw-er-table-wrap">
        <table className="sw-er-table">
          <thead>
            <tr>
              <th scope="col" className="sw-er-table__role">
                {col('role')}
              </th>
              {CONTACT_COLUMNS.map((c) => (
                <th
                  key={c}
                  scope="col"
                  className={
                    c === 'idType' ? 'sw-er-table__idtype' : c === 'email' ? 'sw-er-table__email' : undefined
                  }
                >
                  {col(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {CONTACT_ROLES.map((role, i) => {
              const roleName = CONTACT_ROLE_NAMES[role][locale];
              const label = (c: string) => `${roleName} ${col(c)}`;
              const name = (c: string): Name => ['form', 'contacts', i, c];
              return (
                <tr key={role}>
                  <th scope="row">{roleName}</th>
                  <td>
                    <Form.Item name={name('name')} rules={rule(name('name'))} className="sw-er-cell">
                      <Input aria-label={label('name')} maxLength={50} />
                    </Form.Item>
                  </td>
                  <td>
                    <Form.Item name={name('idType')} rules={rule(name('idType'))} className="sw-er-cell">
                      <Select
                        aria-label={label('idType')}
                        popupMatchSelectWidth={false}
                        options={ID_TYPES.map((value) => ({ value, label: t(`idTypes.${value}`) }))}
                      />
                    </Form.Item>
                  </td>
                  <td>
                    <Form.Item
                      name={name('idNumber')}
                      rules={rule(name('idNumber'))}
                      dependencies={[name('idType')]}
                      normalize={upper}
                      className="sw-er-cell"
                    >
                      <Input aria-label={label('idNumber')} maxLength={30} autoComplete="off" />
                    </Form.Item>
                  </td>
                  {(['phone', 'fax', 'mobile', 'email'] as const).map((c) => (
                    <td key={c}>
                      <Form.Item name={name(c)} rules={rule(name(c))} className="sw-er-cell">
                        <Input
                          aria-label={label(c)}
                          maxLength={c === 'email' ? 100 : 30}
                          inputMode={c === 'email' ? 'email' : 'tel'}
                        />
                      </Form.Item>
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function usernameAvailableRule(locale: Locale): FormRule {
  return {
    validateTrigger: 'onBlur',
    validator: async (_, value) => {
      const username = typeof value === 'string' ? value.trim() : '';
      if (!isValidUsername(username)) return;
      let isAvailable = true;
      try {
        isAvailable = await isUsernameAvailable(username);
      } catch {
        return;
      }
      if (!isAvailable) throw new Error(errorMessage('account.username_taken', locale));
    },
  };
}

/**
 * 管理员账户信息 (001 图 6 / 图 10). At registration with the password; in a correction without it,
 * and the username cannot change.
 */
export function AdminSection({ rule, isCorrection }: { rule: RuleFor; isCorrection?: boolean }) {
  const m = useMessages();
  const locale = useLocale();
  const f = (key: string) => `admin.${key}` as 'admin.username';
  const name = (key: string): Name => ['form', 'admin', key];
  return (
    <section aria-labelledby="er-admin">
      <SectionTitle>
        <span id="er-admin">{m('sections.admin')}</span>
      </SectionTitle>
      <Row gutter={24}>
        <Field>
          <Form.Item
            name={name('username')}
            label={m(f('username'))}
            extra={isCorrection ? m(f('usernameFixed')) : m(f('usernameHint'))}
            required
            validateTrigger={['onChange', 'onBlur']}
            validateFirst
            hasFeedback={!isCorrection}
            rules={isCorrection ? [] : [...rule(name('username'), true), usernameAvailableRule(locale)]}
          >
            <Input
              readOnly={isCorrection}
              autoComplete="username"
              autoCapitalize="off"
              spellCheck={false}
              maxLength={18}
            />
          </Form.Item>
        </Field>
        <Field>
          <Form.Item
            name={name('realName')}
            label={m(f('realName'))}
            required
            rules={rule(name('realName'), true)}
          >
            <Input maxLength={50} autoComplete="name" />
          </Form.Item>
        </Field>
        {isCorrection ? null : (
          <>
            <Field>
              <Form.Item
                name={name('password')}
                label={m(f('password'))}
                extra={m(f('passwordHint'))}
                required
                rules={rule(name('password'), true)}
              >
                <Input.Password maxLength={16} autoComplete="new-password" />
              </Form.Item>
            </Field>
            <Field>
              <Form.Item
                name={name('confirmPassword')}
                label={m(f('confirmPassword'))}
                required
                dependencies={[name('password')]}
                rules={rule(name('confirmPassword'), true)}
              >
                <Input.Password maxLength={16} autoComplete="new-password" />
              </Form.Item>
            </Field>
          </>
        )}
        <Field>
          <Form.Item
            name={name('email')}
            label={m(f('email'))}
            extra={m(f('emailHint'))}
            required
            rules={rule(name('email'), true)}
          >
            <Input maxLength={100} autoComplete="email" inputMode="email" />
          </Form.Item>
        </Field>
        <Field>
          <Form.Item name={name('fax')} label={m(f('fax'))} required rules={rule(name('fax'), true)}>
            <Input maxLength={30} inputMode="tel" />
          </Form.Item>
        </Field>
        <Field>
          <Form.Item
            name={name('phone')}
            label={m(f('phone'))}
            extra={m(f('phoneHint'))}
            required
            rules={rule(name('phone'), true)}
          >
            <Input maxLength={30} inputMode="tel" autoComplete="tel" />
          </Form.Item>
        </Field>
        <Field>
          <Form.Item name={name('mobile')} label={m(f('mobile'))} required rules={rule(name('mobile'), true)}>
            <Input maxLength={11} inputMode="tel" autoComplete="tel-national" />
          </Form.Item>
        </Field>
        <Field>
          <Form.Item
            name={name('customsDeclarantNo')}
            label={m(f('customsDeclarantNo'))}
            normalize={upper}
            rules={rule(name('customsDeclarantNo'))}
          >
            <Input maxLength={20} autoComplete="off" />
          </Form.Item>
        </Field>
        <Field>
          <Form.Item
            name={name('inspectionDeclarantNo')}
            label={m(f('inspectionDeclarantNo'))}
            normalize={upper}
            rules={rule(name('inspectionDeclarantNo'))}
          >
            <Input maxLength={20} autoComplete="off" />
          </Form.Item>
        </Field>
        <Field>
          <Form.Item name={name('jobTitle')} label={m(f('jobTitle'))} rules={rule(name('jobTitle'))}>
            <Input maxLength={50} autoComplete="organization-title" />
          </Form.Item>
        </Field>
      </Row>
    </section>
  );
}
