import { ReloadOutlined } from '@ant-design/icons';
import { Button, Input, Space, Spin } from 'antd';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaptchaState } from './use-captcha';

type CaptchaInputProps = {
  state: CaptchaState;
  /** Set by antd Form.Item so its label points at the text box. */
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
};

/**
 * The answer box of an image captcha, with the image (click for a new one) and a refresh button.
 * Use inside `<Form.Item name="captchaAnswer" label=…>`.
 */
export function CaptchaInput({ state, id, value, onChange }: CaptchaInputProps) {
  const { t } = useTranslation();
  const { captcha, isFetching, isError, refresh } = state;
  const change = (event: ChangeEvent<HTMLInputElement>) => onChange?.(event.target.value);
  return (
    <Space.Compact block className="sw-captcha">
      <Input
        id={id}
        value={value}
        onChange={change}
        placeholder={t('captcha.placeholder')}
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        maxLength={10}
      />
      <button
        type="button"
        className="sw-captcha__image"
        onClick={refresh}
        disabled={isFetching && !captcha}
        aria-label={captcha ? undefined : t('captcha.refresh')}
      >
        {captcha ? (
          <img src={captcha.image} alt={t('captcha.imageAlt')} width={120} height={40} />
        ) : isError ? (
          <span className="sw-captcha__error">{t('captcha.loadFailed')}</span>
        ) : (
          <Spin size="small" />
        )}
      </button>
      <Button
        icon={<ReloadOutlined spin={isFetching} />}
        onClick={refresh}
        aria-label={t('captcha.refresh')}
        title={t('captcha.refresh')}
      />
    </Space.Compact>
  );
}
