import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CardFields, type CardFieldValues } from '../../../components/card-media/card-fields';
import { sessionQueryOptions } from '../../../hooks/use-session';
import { describeError, isApiError, problemMessage } from '../../../lib/api-client';
import type { OpenedCard } from '../../../lib/card-media';
import { proveCard } from '../../../lib/card-proof';
import { openCardInForm } from '../../../lib/open-card-form';
import { useCardSignIn } from '../api/card-sign-in';

/**
 * 卡介质登录 (seed 004 §2.2): the card file and its PIN. The browser opens the card, signs a fresh
 * server challenge and posts the certificate with the signature. When the organization's
 * administrator already holds another card, the server asks first (被冒用, §3.1 账号激活 rule 2);
 * confirming answers a new challenge with `confirmOverride`.
 */
export function CardLoginForm({ next }: { next: string }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CardFieldValues>();
  const signIn = useCardSignIn();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [card, setCard] = useState<OpenedCard | null>(null);

  const attempt = async (opened: OpenedCard, confirmOverride: boolean) => {
    const proof = await proveCard(opened);
    await signIn.mutateAsync(confirmOverride ? { ...proof, confirmOverride } : proof);
    // load the new session before leaving, so the account pages do not bounce back here
    await queryClient.fetchQuery({ ...sessionQueryOptions, staleTime: 0 });
    void navigate(next, { replace: true });
  };

  const onFinish = async (values: CardFieldValues) => {
    if (!values.cardFile) return;
    setFailure(null);
    setBusy(true);
    try {
      const opened = await openCardInForm(form, values.cardFile, values.pin);
      setCard(opened);
      if (!opened) return;
      try {
        await attempt(opened, false);
      } catch (error) {
        if (!(isApiError(error) && error.code === 'card.override_required')) throw error;
        const confirmed = await modal.confirm({
          title: t('cards.login.overrideTitle'),
          content: problemMessage(error.problem),
          okText: t('cards.login.overrideOk'),
          cancelText: t('common.cancel'),
          okButtonProps: { danger: true },
        });
        if (confirmed) await attempt(opened, true);
      }
    } catch (error) {
      setFailure(describeError(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<CardFieldValues>
      form={form}
      name="card-login"
      layout="vertical"
      requiredMark={false}
      onFinish={(values) => void onFinish(values)}
      onValuesChange={() => {
        setFailure(null);
        setCard(null);
      }}
      disabled={busy}
    >
      <Alert className="sw-form-alert" type="info" showIcon title={t('cards.login.hint')} />
      {failure ? <Alert className="sw-form-alert" type="error" showIcon title={failure} /> : null}
      {card?.cardNo ? (
        <p className="sw-card-read">
          {t('cards.media.cardRead', { cardNo: card.cardNo, holder: card.holderName ?? '' })}
        </p>
      ) : null}
      <CardFields disabled={busy} />
      <Form.Item className="sw-form-submit">
        <Button type="primary" htmlType="submit" block size="large" loading={busy}>
          {t('cards.login.submit')}
        </Button>
      </Form.Item>
    </Form>
  );
}
