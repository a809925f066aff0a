import { KeyOutlined } from '@ant-design/icons';
import { browserSupportsWebAuthn } from '@simplewebauthn/browser';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Divider } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { sessionQueryOptions } from '../../../hooks/use-session';
import { describePasskeyError } from '../../../lib/webauthn';
import { usePasskeySignIn } from '../api/passkey-sign-in';

/** 「使用通行密钥登录」 on the sign-in page: no username, no password, no captcha. */
export function PasskeySignInButton({ next }: { next: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const signIn = usePasskeySignIn();
  const [failure, setFailure] = useState<string | null>(null);
  const supported = browserSupportsWebAuthn();

  const onClick = () => {
    setFailure(null);
    signIn.mutate(undefined, {
      onSuccess: async () => {
        // load the new session before leaving, so the account pages do not bounce back here
        await queryClient.fetchQuery({ ...sessionQueryOptions, staleTime: 0 });
        void navigate(next, { replace: true });
      },
      onError: (error) => setFailure(describePasskeyError(error)),
    });
  };

  return (
    <div>
      <Divider plain>{t('passkeys.or')}</Divider>
      {failure ? <Alert className="sw-form-alert" type="error" showIcon title={failure} /> : null}
      <Button
        block
        size="large"
        icon={<KeyOutlined />}
        onClick={onClick}
        loading={signIn.isPending}
        disabled={!supported}
      >
        {t('passkeys.signIn')}
      </Button>
      {supported ? null : <p>{t('passkeys.errors.unsupported')}</p>}
    </div>
  );
}
