import { Alert, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '../../../components/load-more';
import { TableEmpty } from '../../../components/table-empty';
import { describeError } from '../../../lib/api-client';

type KeysetPages<T> = {
  data?: { pages: { items: T[] }[] };
  isPending: boolean;
  isError: boolean;
  error: unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
};

/** A keyset-paged console list: the rows of every page loaded so far, then 「加载更多」. */
export function KeysetTable<T extends { id: string }>({
  query,
  columns,
  scrollX,
}: {
  query: KeysetPages<T>;
  columns: TableColumnsType<T>;
  scrollX: number;
}) {
  const { t } = useTranslation();
  if (query.isError) return <Alert type="error" showIcon title={describeError(query.error)} />;
  const rows = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <Table<T>
        rowKey="id"
        size="middle"
        loading={query.isPending}
        columns={columns}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: <TableEmpty text={t('consoleAccounts.empty')} /> }}
        scroll={{ x: scrollX }}
      />
      <LoadMore
        hasMore={query.hasNextPage}
        loading={query.isFetchingNextPage}
        onLoad={() => void query.fetchNextPage()}
        count={rows.length}
      />
    </>
  );
}
