import { REAL_NAME_LEVELS } from '@sw/contracts';
import { Alert } from 'antd';
import type { ReactNode } from 'react';
import { LinkButton } from '../../../components/link-button';
import { SessionGate } from '../../../components/session-gate';
import { useMessages } from '../messages';

/**
 * Signed in, an individual, real-name verified (中) — what the server checks again when the
 * application is made; said here first, with the way to 实名认证.
 */
export function ApplicantGate({ children }: { children: ReactNode }) {
  const m = useMessages();
  return (
    <SessionGate>
      {(session) => {
        const { account } = session;
        if (account.kind !== 'individual')
          return <Alert type="warning" showIcon title={m('notIndividual')} />;
        if (REAL_NAME_LEVELS.indexOf(account.realNameLevel) < REAL_NAME_LEVELS.indexOf('medium'))
          return (
            <Alert
              type="warning"
              showIcon
              title={m('realNameNeeded')}
              action={
                <LinkButton size="small" type="primary" to="/account/real-name">
                  {m('toRealName')}
                </LinkButton>
              }
            />
          );
        return children;
      }}
    </SessionGate>
  );
}
