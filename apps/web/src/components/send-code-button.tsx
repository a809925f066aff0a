import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCountdown } from '../hooks/use-countdown';

type SendCodeButtonProps = {
  /** Sends the code; resolves to the seconds before another may be sent, or null if it failed. */
  onSend: () => Promise<number | null>;
  /** The idle label; 「获取验证码」 by default. */
  label?: string;
};

/** 「获取验证码」, then 「59秒后重新获取」 until the server's `resendAfter` has passed. */
export function SendCodeButton({ onSend, label }: SendCodeButtonProps) {
  const { t } = useTranslation();
  const { remaining, start } = useCountdown();
  const [isSending, setIsSending] = useState(false);

  const send = async () => {
    setIsSending(true);
    try {
      const resendAfter = await onSend();
      if (resendAfter) start(resendAfter);
    } finally {
      setIsSending(false);
    }
  };

  return (
    <Button className="sw-send-code" onClick={() => void send()} loading={isSending} disabled={remaining > 0}>
      {remaining > 0 ? t('individual.resendIn', { seconds: remaining }) : (label ?? t('individual.getCode'))}
    </Button>
  );
}
