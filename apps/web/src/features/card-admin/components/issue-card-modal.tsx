import { DownloadOutlined } from '@ant-design/icons';
import {
  CARD_ROLES,
  type ErrorCode,
  errorMessage,
  ID_TYPES,
  type IdType,
  type IssueCardBody,
  isValidCardNo,
  isValidCardPin,
  isValidCreditCode,
  isValidIdNumber,
  isValidOrgCode,
  normalizeOrgCode,
  orgCodeOfCreditCode,
  type StaffCardView,
} from '@sw/contracts';
import { Alert, Button, DatePicker, Form, type FormRule, Input, Modal, Radio, Result, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../hooks/use-locale';
import { applyProblemToForm, describeError, isApiError } from '../../../lib/api-client';
import { cardFileUrl, useIssueCard } from '../api/cards';

type Values = {
  cardNo?: string;
  holderName: string;
  holderIdType: IdType;
  holderIdNumber: string;
  creditCode?: string;
  orgCode: string;
  orgName: string;
  role: (typeof CARD_ROLES)[number];
  notBefore: Dayjs;
  notAfter: Dayjs;
  pin: string;
  pinConfirm: string;
};

function check(ok: (v: string) => boolean, code: ErrorCode, locale: ReturnType<typeof useLocale>): FormRule {
  return {
    validator: (_, value) => {
      const v = typeof value === 'string' ? value.trim() : '';
      return !v || ok(v) ? Promise.resolve() : Promise.reject(new Error(errorMessage(code, locale)));
    },
  };
}

/** 发放卡介质: the issue form (antd Form) and, once issued, the .p12 to hand to the holder. */
export function IssueCardModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [form] = Form.useForm<Values>();
  const issue = useIssueCard();
  const [failure, setFailure] = useState<string | null>(null);
  const [issued, setIssued] = useState<StaffCardView | null>(null);
  const idType = Form.useWatch('holderIdType', form);
  const required = (message: string) => ({ required: true, whitespace: true, message });

  const close = () => {
    setIssued(null);
    setFailure(null);
    form.resetFields();
    onClose();
  };

  const onFinish = async (v: Values) => {
    setFailure(null);
    const body: IssueCardBody = {
      ...(v.cardNo?.trim() ? { cardNo: v.cardNo.trim() } : {}),
      holderName: v.holderName.trim(),
      holderIdType: v.holderIdType,
      holderIdNumber: v.holderIdNumber.trim(),
      ...(v.creditCode?.trim() ? { creditCode: v.creditCode.trim() } : {}),
      orgCode: v.orgCode.trim(),
      orgName: v.orgName.trim(),
      role: v.role,
      notBefore: v.notBefore.startOf('day').toISOString(),
      notAfter: v.notAfter.endOf('day').toISOString(),
      pin: v.pin,
    };
    try {
      setIssued(await issue.mutateAsync(body));
    } catch (error) {
      const onField = isApiError(error) && applyProblemToForm(form, error.problem, locale);
      if (!onField) setFailure(describeError(error));
    }
  };

  if (issued) {
    return (
      <Modal open={open} title={t('cards.admin.issueTitle')} onCancel={close} footer={null} destroyOnHidden>
        <Result
          status="success"
          title={<h2 className="sw-result-title">{t('cards.admin.issued', { cardNo: issued.cardNo })}</h2>}
          subTitle={`${t(`cards.roles.${issued.role}`)} · ${issued.holderName} · ${issued.orgName}`}
          extra={[
            <Button
              key="download"
              type="primary"
              icon={<DownloadOutlined aria-hidden="true" />}
              href={cardFileUrl(issued.id)}
              download={`${issued.cardNo}.p12`}
            >
              {t('cards.admin.download')} .p12
            </Button>,
            <Button key="close" onClick={close}>
              {t('common.close')}
            </Button>,
          ]}
        />
      </Modal>
    );
  }

  return (
    <Modal
      open={open}
      title={t('cards.admin.issueTitle')}
      okText={t('cards.admin.issue')}
      cancelText={t('common.cancel')}
      confirmLoading={issue.isPending}
      onOk={() => form.submit()}
      onCancel={close}
      width={640}
      destroyOnHidden
    >
      {failure ? <Alert className="sw-form-alert" type="error" showIcon title={failure} /> : null}
      <Form<Values>
        form={form}
        name="issue-card"
        layout="vertical"
        requiredMark
        initialValues={{
          holderIdType: 'resident_id',
          role: 'legal_person',
          notBefore: dayjs(),
          notAfter: dayjs().add(3, 'year'),
        }}
        onFinish={(values) => void onFinish(values)}
        onValuesChange={(changed: Partial<Values>) => {
          setFailure(null);
          // the organization code sits inside the credit code: fill it in once the credit code is valid
          if (
            changed.creditCode &&
            isValidCreditCode(changed.creditCode.trim()) &&
            !form.getFieldValue('orgCode')
          ) {
            form.setFieldValue('orgCode', orgCodeOfCreditCode(changed.creditCode.trim()));
          }
        }}
      >
        <Form.Item name="role" label={t('cards.admin.role')} rules={[{ required: true }]}>
          <Radio.Group
            options={CARD_ROLES.map((r) => ({ value: r, label: t(`cards.roles.${r}`) }))}
            optionType="button"
          />
        </Form.Item>
        <Form.Item
          name="cardNo"
          label={t('cards.admin.cardNo')}
          extra={t('cards.admin.cardNoHelp')}
          rules={[check(isValidCardNo, 'field.card_no_invalid', locale)]}
        >
          <Input maxLength={20} inputMode="numeric" autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="holderName"
          label={t('cards.admin.holderName')}
          rules={[required(errorMessage('field.required', locale))]}
        >
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
        <Form.Item name="holderIdType" label={t('cards.admin.holderIdType')} rules={[{ required: true }]}>
          <Select options={ID_TYPES.map((v) => ({ value: v, label: t(`idTypes.${v}`) }))} />
        </Form.Item>
        <Form.Item
          name="holderIdNumber"
          label={t('cards.admin.holderIdNumber')}
          dependencies={['holderIdType']}
          rules={[
            required(errorMessage('field.required', locale)),
            check(
              (v) => !idType || isValidIdNumber(idType, v.toUpperCase()),
              'field.id_number_invalid',
              locale,
            ),
          ]}
        >
          <Input maxLength={30} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="creditCode"
          label={t('cards.admin.creditCode')}
          rules={[check((v) => isValidCreditCode(v.toUpperCase()), 'field.credit_code_invalid', locale)]}
        >
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="orgCode"
          label={t('cards.admin.orgCode')}
          extra={t('cards.admin.orgCodeHelp')}
          dependencies={['creditCode']}
          rules={[
            required(errorMessage('field.required', locale)),
            check((v) => isValidOrgCode(v), 'field.org_code_invalid', locale),
            check(
              (v) => {
                const credit = String(form.getFieldValue('creditCode') ?? '')
                  .trim()
                  .toUpperCase();
                return !isValidCreditCode(credit) || orgCodeOfCreditCode(credit) === normalizeOrgCode(v);
              },
              'field.org_code_mismatch',
              locale,
            ),
          ]}
        >
          <Input maxLength={10} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="orgName"
          label={t('cards.admin.orgName')}
          rules={[required(errorMessage('field.required', locale))]}
        >
          <Input maxLength={200} autoComplete="off" />
        </Form.Item>
        <Form.Item name="notBefore" label={t('cards.admin.notBefore')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} allowClear={false} />
        </Form.Item>
        <Form.Item
          name="notAfter"
          label={t('cards.admin.notAfter')}
          dependencies={['notBefore']}
          rules={[
            { required: true },
            {
              validator: (_, value: Dayjs | undefined) => {
                const from = form.getFieldValue('notBefore') as Dayjs | undefined;
                const bad =
                  value && (value.isBefore(dayjs(), 'day') || (from && value.isBefore(from, 'day')));
                return bad
                  ? Promise.reject(new Error(errorMessage('field.date_range_invalid', locale)))
                  : Promise.resolve();
              },
            },
          ]}
        >
          <DatePicker style={{ width: '100%' }} allowClear={false} />
        </Form.Item>
        <Form.Item
          name="pin"
          label={t('cards.admin.pin')}
          extra={t('cards.admin.pinHelp')}
          rules={[
            { required: true, message: errorMessage('field.card_pin_invalid', locale) },
            check(isValidCardPin, 'field.card_pin_invalid', locale),
          ]}
        >
          <Input.Password maxLength={16} autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="pinConfirm"
          label={t('cards.admin.pinConfirm')}
          dependencies={['pin']}
          rules={[
            { required: true, message: t('cards.admin.pinMismatch') },
            {
              validator: (_, value) =>
                !value || value === form.getFieldValue('pin')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('cards.admin.pinMismatch'))),
            },
          ]}
        >
          <Input.Password maxLength={16} autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
