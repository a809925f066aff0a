import { errorMessage } from '@sw/contracts';
import { Button, Checkbox, Form, type FormInstance, type FormItemProps, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../hooks/use-locale';

type AgreementModalProps = { open: boolean; onClose: () => void; onAgree: () => void };

const PARAGRAPHS = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'] as const;

/** 《单一窗口用户注册协议》: the text behind the link next to the agreement checkbox. */
export function AgreementModal({ open, onClose, onAgree }: AgreementModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={t('agreement.title')}
      onCancel={onClose}
      width={680}
      footer={[
        <Button key="close" onClick={onClose}>
          {t('common.close')}
        </Button>,
        <Button key="agree" type="primary" onClick={onAgree}>
          {t('agreement.agree')}
        </Button>,
      ]}
    >
      <div className="sw-agreement">
        {PARAGRAPHS.map((key) => (
          <p key={key}>{t(`agreement.${key}`)}</p>
        ))}
      </div>
    </Modal>
  );
}

/**
 * 阅读并同意《…用户注册协议》: the checkbox (field `agreement`), the link that opens the text, and
 * the dialog whose 同意 ticks the box. Used by every registration form.
 */
export function AgreementField({
  form,
  wrapperCol,
  prefix,
  link,
}: {
  // biome-ignore lint/suspicious/noExplicitAny: any registration form; only the `agreement` field is used
  form: FormInstance<any>;
  wrapperCol: FormItemProps['wrapperCol'];
  prefix: string;
  link: string;
}) {
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  return (
    <Form.Item wrapperCol={wrapperCol}>
      <Form.Item
        name="agreement"
        noStyle
        valuePropName="checked"
        rules={[
          {
            validator: (_, value) =>
              value === true
                ? Promise.resolve()
                : Promise.reject(new Error(errorMessage('field.agreement_required', locale))),
          },
        ]}
      >
        <Checkbox>{prefix}</Checkbox>
      </Form.Item>
      <Button type="link" className="sw-inline-link" onClick={() => setOpen(true)}>
        {link}
      </Button>
      <AgreementModal
        open={open}
        onClose={() => setOpen(false)}
        onAgree={() => {
          form.setFields([{ name: 'agreement', value: true, errors: [] }]);
          setOpen(false);
        }}
      />
    </Form.Item>
  );
}
