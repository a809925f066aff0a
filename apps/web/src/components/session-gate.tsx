import type { SessionResponse } from '@sw/contracts';
import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../hooks/use-session';
import { describeError } from '../lib/api-client';
import { PageLoading } from './page-loading';

/** Where to go to sign in and come back to `path` afterwards. */
export function loginPath(path: string): string {
  return `/login?next=${encodeURIComponent(path)}`;
}

/**
 * Renders `children` with the session, or sends the visitor to `/login?next=<this page>` when
 * `GET /api/auth/session` answers 401.
 */
export function SessionGate({ children }: { children: (session: SessionResponse) => ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const { data, isPending, isError, error, refetch } = useSession();
  if (isPending) return <PageLoading />;
  if (isError) {
    return (
      <main className="sw-center">
        <Result
          status="error"
          title={<h1 className="sw-result-title">{t('account.sessionFailed')}</h1>}
          subTitle={describeError(error)}
          extra={
            <Button type="primary" onClick={() => void refetch()}>
              {t('common.retry')}
            </Button>
          }
        />
      </main>
    );
  }
  if (!data) return <Navigate to={loginPath(location.pathname + location.search)} replace />;
  // first-sign-in steps come before anything else (seed 004 §2.1)
  const byPassword = data.method === 'password' || data.method === 'mobile';
  if (byPassword && (data.account.mustVerifyMobile || data.account.mustChangePassword))
    return <Navigate to="/first-sign-in" replace />;
  return children(data);
}
