import { Alert } from 'antd';
import { usePlatformInfo } from '../../../hooks/use-platform-info';
import { useMessages } from '../messages';

/** Said wherever the check's answers show, while the issuing authority is the simulator. */
export function SimulatorNote() {
  const m = useMessages();
  const info = usePlatformInfo();
  if (!info.data?.simulators.includes('cert-authority-simulator')) return null;
  return <Alert className="sw-block" type="info" showIcon title={m('simulator')} />;
}
