import { Button } from 'antd';
import { useTranslation } from 'react-i18next';

/** The foot of a keyset-paged list: 「加载更多」 while there is a next page, else how many are shown. */
export function LoadMore({
  hasMore,
  loading,
  onLoad,
  count,
}: {
  hasMore: boolean;
  loading: boolean;
  onLoad: () => void;
  count: number;
}) {
  const { t } = useTranslation();
  return (
    <div className="sw-block-top" style={{ textAlign: 'center' }}>
      {hasMore ? (
        <Button onClick={onLoad} loading={loading}>
          {t('common.loadMore')}
        </Button>
      ) : (
        <span>{t('common.shownAll', { count })}</span>
      )}
    </div>
  );
}
