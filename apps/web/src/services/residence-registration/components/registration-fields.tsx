import { type ApplicationDetail, errorMessage, GUANGDONG_CITIES } from '@sw/contracts';
import { Card, Col, DatePicker, Form, Input, Radio, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  HOUSING_TYPES,
  REGISTRATION_ATTACHMENTS,
  REGISTRATION_FIELDS,
  RESIDENCE_REASONS,
} from '../../../../../server/src/modules/services/residence-registration/contract.ts';
import { useLocale } from '../../../hooks/use-locale';
import { maxLengthRule, mobileRule, requiredRule } from '../../../lib/form-rules';
import { DraftAttachmentSlot } from '../../kit/draft-attachments';
import { useMessages } from '../messages';

export type RegistrationValues = {
  city?: string;
  address?: string;
  startDate?: string;
  reason?: string;
  reasonNote?: string;
  mobile?: string;
  housing?: string;
  attachments?: unknown;
};

/** The form as the application stores it (the attachment slots are the application's own). */
export function formOf(values: RegistrationValues): Record<string, unknown> {
  const { attachments: _files, ...form } = values;
  return form;
}

const dateProps = {
  getValueProps: (value: string | undefined) => ({ value: value ? dayjs(value) : null }),
  normalize: (value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : undefined),
};

/**
 * The fields of 申报居住登记, for the new registration and its correction alike: where, since when,
 * why, the mobile, the housing and its proof (attached to the application as it uploads).
 */
export function RegistrationFields({
  applicationId,
  ensureApplication,
}: {
  applicationId: string | null;
  ensureApplication: () => Promise<ApplicationDetail>;
}) {
  const m = useMessages();
  const locale = useLocale();
  const label = (path: string) => REGISTRATION_FIELDS[path]?.label[locale] ?? path;
  const reason = Form.useWatch<string | undefined>('reason');
  return (
    <>
      <Card className="sw-block" title={<h2 className="sw-card-heading">{m('residenceSection')}</h2>}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="city"
              label={label('city')}
              rules={[{ required: true, message: m('selectCity') }]}
            >
              <Select
                showSearch
                optionFilterProp="label"
                placeholder={m('selectCity')}
                options={GUANGDONG_CITIES.map((city) => ({ value: city.code, label: city.name[locale] }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="startDate"
              label={label('startDate')}
              rules={[{ required: true, message: errorMessage('field.required', locale) }]}
              {...dateProps}
            >
              <DatePicker className="sw-full-width" disabledDate={(day) => day.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              name="address"
              label={label('address')}
              extra={m('addressHint')}
              rules={[requiredRule(locale), maxLengthRule(120, locale)]}
            >
              <Input maxLength={120} autoComplete="street-address" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="reason"
              label={label('reason')}
              rules={[{ required: true, message: m('selectReason') }]}
            >
              <Select
                placeholder={m('selectReason')}
                options={Object.entries(RESIDENCE_REASONS).map(([code, name]) => ({
                  value: code,
                  label: name[locale],
                }))}
              />
            </Form.Item>
          </Col>
          {reason === 'other' ? (
            <Col xs={24} md={12}>
              <Form.Item
                name="reasonNote"
                label={label('reasonNote')}
                rules={[requiredRule(locale), maxLengthRule(100, locale)]}
              >
                <Input maxLength={100} />
              </Form.Item>
            </Col>
          ) : null}
          <Col xs={24}>
            <Form.Item
              name="housing"
              label={label('housing')}
              rules={[{ required: true, message: errorMessage('field.required', locale) }]}
            >
              <Radio.Group
                options={Object.entries(HOUSING_TYPES).map(([code, name]) => ({
                  value: code,
                  label: name[locale],
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card className="sw-block" title={<h2 className="sw-card-heading">{m('contactSection')}</h2>}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="mobile" label={label('mobile')} rules={[mobileRule(true, locale)]} required>
              <Input maxLength={11} inputMode="numeric" autoComplete="tel-national" />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card className="sw-block" title={<h2 className="sw-card-heading">{m('proofSection')}</h2>}>
        <p className="sw-muted">{m('proofHint')}</p>
        {REGISTRATION_ATTACHMENTS.map((rule) => (
          <DraftAttachmentSlot
            key={rule.slot}
            serviceCode="residence-registration"
            rule={rule}
            draftId={applicationId}
            ensureDraft={ensureApplication}
          />
        ))}
      </Card>
    </>
  );
}
