import { LockOutlined } from '@ant-design/icons';
import { isValidCardPin } from '@sw/contracts';
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { CardFilePicker } from './card-file-picker';

export type CardFieldValues = { cardFile?: File; pin: string };

/** The two things a card asks for: the card (its file) and the PIN (介质密码). For an antd Form. */
export function CardFields({ disabled }: { disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="cardFile"
        label={t('cards.media.file')}
        extra={t('cards.media.fileHint')}
        rules={[{ required: true, message: t('cards.media.fileRequired') }]}
      >
        <CardFilePicker disabled={disabled} />
      </Form.Item>
      <Form.Item
        name="pin"
        label={t('cards.media.pin')}
        rules={[
          { required: true, message: t('cards.media.pinRequired') },
          {
            // the platform's PINs are 6–16 characters; anything else cannot open a card
            validator: (_, value) =>
              !value || isValidCardPin(String(value))
                ? Promise.resolve()
                : Promise.reject(new Error(t('cards.media.wrongPin'))),
          },
        ]}
      >
        <Input.Password
          prefix={<LockOutlined aria-hidden="true" />}
          placeholder={t('cards.media.pinPlaceholder')}
          autoComplete="off"
          maxLength={16}
        />
      </Form.Item>
    </>
  );
}
