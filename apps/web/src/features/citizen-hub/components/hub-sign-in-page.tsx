import { HUB_PIN_MAX_FAILURES, type HubSignInMethod } from '@sw/contracts';
import { Alert, Button, Input, Segmented, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { FaceCheckPanel } from '../../../components/face-check/face-check-panel';
import { LinkButton } from '../../../components/link-button';
import { useSession } from '../../../hooks/use-session';
import { describeError, isApiError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { startFaceSignIn, useFaceSignIn, useHubDevice, usePinSignIn } from '../api/hub-api';

/** Only paths inside the hub are followed after signing in. */
function safeNext(next: string | null): string {
  return next && /^\/m(\/|$)/.test(next) && !next.startsWith('//') ? next : '/m';
}

/** 数字密码: six digits; the sign-in goes as soon as the sixth is typed. */
function PinSignIn({ next, lockedUntil }: { next: string; lockedUntil: string | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const signIn = usePinSignIn();
  const [pin, setPin] = useState('');
  const submit = async (value: string) => {
    try {
      await signIn.mutateAsync(value);
      await navigate(next, { replace: true });
    } catch {
      setPin('');
    }
  };
  const locked = isApiError(signIn.error) && signIn.error.code === 'hub.pin_locked';
  return (
    <form
      className="sw-hub-pin"
      onSubmit={(e) => {
        e.preventDefault();
        if (pin.length === 6) void submit(pin);
      }}
    >
      <p className="sw-hub-pin__label" aria-hidden="true">
        {t('hub.signInPage.pinLabel')}
      </p>
      <Input.OTP
        length={6}
        mask="●"
        value={pin}
        inputMode="numeric"
        aria-label={t('hub.signInPage.pinLabel')}
        disabled={signIn.isPending || locked || lockedUntil !== null}
        formatter={(v) => v.replace(/\D/g, '')}
        onChange={(value) => {
          setPin(value);
          if (value.length === 6) void submit(value);
        }}
      />
      <p className="sw-hub-hint">{t('hub.signInPage.pinHint', { n: HUB_PIN_MAX_FAILURES })}</p>
      {lockedUntil && !signIn.error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('hub.signInPage.lockedUntil', { time: formatDateTime(lockedUntil) })}
        />
      ) : null}
      {signIn.error ? <Alert type="error" showIcon role="alert" title={describeError(signIn.error)} /> : null}
      <Button
        type="primary"
        htmlType="submit"
        size="large"
        block
        disabled={pin.length !== 6}
        loading={signIn.isPending}
      >
        {t('hub.signInPage.signIn')}
      </Button>
    </form>
  );
}

function FaceSignIn({ next }: { next: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const signIn = useFaceSignIn();
  return (
    <div className="sw-hub-face">
      <p className="sw-hub-hint">{t('hub.signInPage.faceHint')}</p>
      <FaceCheckPanel
        purpose="step_up"
        startLabel={t('hub.signInPage.faceStart')}
        flow={{ start: startFaceSignIn, simulatorPath: (id) => `/api/dev/hub/face-checks/${id}/decide` }}
        onPassed={async (id) => {
          await signIn.mutateAsync(id);
          await navigate(next, { replace: true });
        }}
      />
    </div>
  );
}

/**
 * 【请登录】 → 选择登录方式 (seed 003 ch.1): on a phone bound to an account, 人脸识别 or the 6-digit
 * 数字密码 (the default chosen in 个人中心 first); on a new phone, a full sign-in first, after which
 * 个人中心 offers to set them up.
 */
export function HubSignInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const { data: session } = useSession();
  const { data: device, isPending, isError, error } = useHubDevice();
  const [method, setMethod] = useState<HubSignInMethod | null>(null);
  useEffect(() => {
    if (device?.defaultMethod && method === null) setMethod(device.pinSet ? device.defaultMethod : 'face');
  }, [device, method]);

  if (session) return <Navigate to={next} replace />;
  const fullSignIn = `/login?next=${encodeURIComponent('/m/me/security')}`;
  let body: React.ReactNode;
  if (isPending) body = <Skeleton active />;
  else if (isError) body = <Alert type="error" showIcon title={describeError(error)} />;
  else if (!device.bound)
    body = (
      <>
        <p>{t('hub.signInPage.firstTime')}</p>
        <LinkButton type="primary" size="large" block to={fullSignIn}>
          {t('hub.signInPage.fullSignIn')}
        </LinkButton>
        <LinkButton size="large" block to="/register/individual" className="sw-hub-gap">
          {t('hub.signInPage.register')}
        </LinkButton>
      </>
    );
  else {
    const options = [
      { value: 'face' as const, label: t('hub.methods.face') },
      ...(device.pinSet ? [{ value: 'pin' as const, label: t('hub.methods.pin') }] : []),
    ];
    const chosen = method ?? 'face';
    body = (
      <>
        <p className="sw-hub-welcome">{t('hub.signInPage.welcomeBack', { name: device.holder })}</p>
        <Segmented
          block
          size="large"
          aria-label={t('hub.signInPage.chooseMethod')}
          value={chosen}
          options={options}
          onChange={(v) => setMethod(v as HubSignInMethod)}
        />
        <div className="sw-hub-gap">
          {chosen === 'pin' ? (
            <PinSignIn next={next} lockedUntil={device.lockedUntil} />
          ) : (
            <FaceSignIn next={next} />
          )}
        </div>
        <LinkButton type="link" block to={fullSignIn} className="sw-hub-gap">
          {t('hub.signInPage.otherAccount')}
        </LinkButton>
      </>
    );
  }
  return (
    <section className="sw-hub-section sw-hub-signin" aria-labelledby="hub-signin-title">
      <h1 id="hub-signin-title">{t('hub.signInPage.title')}</h1>
      {body}
    </section>
  );
}
