import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePlatformInfo } from '../hooks/use-platform-info';

/** A slim warning on every page while SMS or e-mail go to a simulator instead of real recipients. */
export function SimulatorBanner() {
  const { t } = useTranslation();
  const { data } = usePlatformInfo();
  if (!data || data.simulators.length === 0) return null;
  return (
    <Alert
      className="sw-simulator-banner"
      type="warning"
      banner
      role="note"
      title={
        <span>
          {t('banner.simulator')} <Link to="/dev/outbox">{t('banner.outboxLink')}</Link>
        </span>
      }
    />
  );
}
