import { useTranslation } from 'react-i18next';
import { useConsoleApplication } from '../api/application';

/** The workspace tab of an application's detail: its number once known. */
export function ApplicationTabLabel({ id }: { id: string }) {
  const { t } = useTranslation();
  const { data } = useConsoleApplication(id);
  return <>{data?.number ?? t('casework.detail.tab')}</>;
}
