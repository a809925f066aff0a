import type { DaySlotsView } from '@sw/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, DatePicker, Input, InputNumber, Space, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import {
  DEFAULT_PORT,
  NORTHBOUND_PORTS,
} from '../../../../../server/src/modules/services/northbound/contract.ts';
import { PageTitle } from '../../../components/page-title';
import { useLocale } from '../../../hooks/use-locale';
import { apiClient, describeError } from '../../../lib/api-client';
import { useMessages } from '../messages';

type Row = { key: string; starts: string; ends: string; capacity: number; booked: number };

/** Console → 通关预约时段: a day's slots and quotas at the port; never below what is booked. */
export function SlotsPage() {
  const t = useMessages();
  const locale = useLocale();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [day, setDay] = useState<Dayjs>(dayjs().add(1, 'day'));
  const [rows, setRows] = useState<Row[]>([]);
  const [free, setFree] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const url = `/api/console/appointments/northbound/${DEFAULT_PORT}/${day.format('YYYY-MM-DD')}`;
  const view = useQuery({ queryKey: ['appointments', url], queryFn: () => apiClient.get<DaySlotsView>(url) });
  useEffect(() => {
    if (!view.data) return;
    setRows(
      view.data.slots.map((s) => ({
        key: s.id,
        starts: s.starts,
        ends: s.ends,
        capacity: s.capacity,
        booked: s.booked,
      })),
    );
    setFree(view.data.freeOfBooking);
  }, [view.data]);

  const update = (key: string, patch: Partial<Row>) =>
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const save = async () => {
    setFailure(null);
    try {
      await apiClient.put<DaySlotsView>(url, {
        freeOfBooking: free,
        slots: rows.map(({ starts, ends, capacity }) => ({ starts, ends, capacity })),
      });
      void message.success(t('console.saved'));
      await queryClient.invalidateQueries({ queryKey: ['appointments', url] });
    } catch (error) {
      setFailure(describeError(error, locale));
    }
  };

  return (
    <>
      <PageTitle>{`${t('console.slotsTitle')} · ${NORTHBOUND_PORTS[DEFAULT_PORT][locale]}`}</PageTitle>
      <Card className="sw-block">
        <Space wrap className="nb-gap">
          <div className="nb-field">
            <span>{t('console.day')}</span>
            <DatePicker
              aria-label={t('console.day')}
              value={day}
              onChange={(d) => d && setDay(d)}
              allowClear={false}
            />
          </div>
          <Checkbox checked={free} onChange={(e) => setFree(e.target.checked)}>
            {t('console.freeDay')}
          </Checkbox>
        </Space>
        <Table<Row>
          size="small"
          loading={view.isPending}
          pagination={false}
          dataSource={rows}
          columns={[
            {
              title: t('console.starts'),
              render: (_, r) => (
                <Input
                  aria-label={t('console.starts')}
                  value={r.starts}
                  maxLength={5}
                  onChange={(e) => update(r.key, { starts: e.target.value })}
                />
              ),
            },
            {
              title: t('console.ends'),
              render: (_, r) => (
                <Input
                  aria-label={t('console.ends')}
                  value={r.ends}
                  maxLength={5}
                  onChange={(e) => update(r.key, { ends: e.target.value })}
                />
              ),
            },
            {
              title: t('console.capacity'),
              render: (_, r) => (
                <InputNumber
                  aria-label={t('console.capacity')}
                  min={0}
                  value={r.capacity}
                  onChange={(v) => update(r.key, { capacity: Number(v ?? 0) })}
                />
              ),
            },
            { title: t('console.booked'), dataIndex: 'booked' },
            {
              title: t('console.remove'),
              render: (_, r) => (
                <Button
                  size="small"
                  danger
                  disabled={r.booked > 0}
                  onClick={() => setRows((all) => all.filter((x) => x.key !== r.key))}
                >
                  {t('console.remove')}
                </Button>
              ),
            },
          ]}
        />
        <Space className="nb-gap-top">
          <Button
            onClick={() =>
              setRows((all) => [
                ...all,
                {
                  key: `new-${all.length}-${Date.now()}`,
                  starts: '08:00',
                  ends: '12:00',
                  capacity: 50,
                  booked: 0,
                },
              ])
            }
          >
            {t('console.addSlot')}
          </Button>
          <Button type="primary" onClick={() => void save()}>
            {t('console.save')}
          </Button>
        </Space>
        {failure ? <Alert className="nb-gap-top" type="error" showIcon message={failure} /> : null}
      </Card>
    </>
  );
}
