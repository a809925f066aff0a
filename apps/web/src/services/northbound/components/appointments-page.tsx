import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Modal, QRCode, Radio, Select, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { BookingView } from '../../../../../server/src/modules/services/northbound/contract.ts';
import { PageTitle } from '../../../components/page-title';
import { TableEmpty } from '../../../components/table-empty';
import { useLocale } from '../../../hooks/use-locale';
import { describeError } from '../../../lib/api-client';
import { northbound, northboundKeys, useBookings, useCenter, useSlots } from '../api';
import { useMessages } from '../messages';

const STATUS_KEYS = {
  booked: 'appointments.statusBooked',
  cancelled: 'appointments.statusCancelled',
  attended: 'appointments.statusAttended',
  no_show: 'appointments.statusNoShow',
} as const;
const STATUS_COLOURS = {
  booked: 'processing',
  cancelled: 'default',
  attended: 'success',
  no_show: 'warning',
} as const;

/** Bookings close at noon in Shanghai the day before: the first day still open, and the last one. */
function bookableRange(): { first: Dayjs; last: Dayjs } {
  const shanghai = new Date(Date.now() + 8 * 3_600_000);
  const today = dayjs(shanghai.toISOString().slice(0, 10));
  return { first: today.add(shanghai.getUTCHours() >= 12 ? 2 : 1, 'day'), last: today.add(7, 'day') };
}

/** The booking voucher: its code as a QR code, the vehicle, the port, the day and the time. */
function Voucher({ booking, onClose }: { booking: BookingView | null; onClose: () => void }) {
  const t = useMessages();
  const locale = useLocale();
  return (
    <Modal open={booking !== null} title={t('appointments.voucher')} footer={null} onCancel={onClose}>
      {booking ? (
        <div className="nb-voucher">
          <QRCode
            value={`GCBS|${booking.voucher}|${booking.tempPlate ?? booking.hkPlate}|${booking.day}|${booking.starts}`}
            aria-label={`${t('appointments.voucher')} ${booking.voucher}`}
          />
          <p className="nb-voucher__code">{booking.voucher}</p>
          <p>
            {booking.tempPlate ?? ''} {booking.hkPlate}
          </p>
          <p>
            {booking.portName[locale]} · {booking.day} {booking.starts}–{booking.ends}
          </p>
        </div>
      ) : null}
    </Modal>
  );
}

/** `/apps/northbound/appointments` — 通关预约 and 通关预约查询 (000 §4.4). */
export function AppointmentsPage() {
  const t = useMessages();
  const locale = useLocale();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const center = useCenter();
  const bookings = useBookings();
  const vehicles = (center.data?.vehicles ?? []).filter((v) => v.status === 'active');
  const [recordId, setRecordId] = useState<string | undefined>();
  const range = bookableRange();
  const [day, setDay] = useState<Dayjs | null>(range.first);
  const [slotId, setSlotId] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [voucher, setVoucher] = useState<BookingView | null>(null);
  const chosenVehicle = recordId ?? vehicles[0]?.recordId;
  const slots = useSlots(day?.format('YYYY-MM-DD'));

  const refresh = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: northboundKeys.bookings }),
      queryClient.invalidateQueries({ queryKey: ['northbound', 'slots'] }),
    ]);
  };

  const bookIt = async () => {
    if (!chosenVehicle || !slotId) return;
    setBusy(true);
    setFailure(null);
    try {
      const booked = await northbound.book(chosenVehicle, slotId);
      void message.success(t('appointments.booked', { voucher: booked.voucher }));
      setSlotId(undefined);
      setVoucher(booked);
      await refresh();
    } catch (error) {
      setFailure(describeError(error, locale));
      await refresh();
    } finally {
      setBusy(false);
    }
  };

  const cancelIt = (booking: BookingView) => {
    modal.confirm({
      title: t('appointments.cancel'),
      content: t('appointments.cancelConfirm'),
      onOk: async () => {
        try {
          await northbound.cancel(booking.id);
          await refresh();
        } catch (error) {
          void message.error(describeError(error, locale));
        }
      },
    });
  };

  return (
    <>
      <PageTitle>{t('appointments.title')}</PageTitle>
      <Card className="sw-block">
        {vehicles.length === 0 ? (
          <TableEmpty text={t('appointments.noVehicle')} />
        ) : (
          <Space direction="vertical" size="middle" className="nb-full">
            <Space wrap size="large">
              <div className="nb-field">
                <span>{t('appointments.vehicle')}</span>
                <Select
                  aria-label={t('appointments.vehicle')}
                  value={chosenVehicle}
                  onChange={setRecordId}
                  options={vehicles.map((v) => ({
                    value: v.recordId,
                    label: `${v.tempPlate ?? ''} ${v.hkPlate}`,
                  }))}
                  className="nb-select"
                />
              </div>
              <div className="nb-field">
                <span>{t('appointments.day')}</span>
                <DatePicker
                  aria-label={t('appointments.day')}
                  value={day}
                  onChange={(d) => {
                    setDay(d);
                    setSlotId(undefined);
                  }}
                  disabledDate={(d) =>
                    d.isBefore(dayjs().add(1, 'day'), 'day') || d.isAfter(dayjs().add(7, 'day'), 'day')
                  }
                  allowClear={false}
                />
              </div>
              {slots.data ? <span>{`${t('appointments.port')}：${slots.data.portName[locale]}`}</span> : null}
            </Space>
            {slots.data ? (
              slots.data.freeOfBooking ? (
                <Alert type="success" showIcon message={t('appointments.free')} />
              ) : slots.data.slots.length === 0 ? (
                <Alert type="info" showIcon message={t('appointments.noSlots')} />
              ) : (
                <>
                  <p className="nb-muted">
                    {t('appointments.closes', {
                      time: dayjs(slots.data.closesAt).format('YYYY-MM-DD HH:mm'),
                    })}
                  </p>
                  <Radio.Group
                    value={slotId}
                    onChange={(e) => setSlotId(e.target.value)}
                    aria-label={t('appointments.slot')}
                  >
                    <Space wrap>
                      {slots.data.slots.map((slot) => (
                        <Radio.Button key={slot.id} value={slot.id} disabled={slot.left === 0}>
                          {slot.starts}–{slot.ends}（
                          {slot.left === 0
                            ? t('appointments.full')
                            : t('appointments.left', { n: slot.left })}
                          ）
                        </Radio.Button>
                      ))}
                    </Space>
                  </Radio.Group>
                </>
              )
            ) : null}
            {failure ? <Alert type="error" showIcon message={failure} /> : null}
            <Button type="primary" disabled={!slotId} loading={busy} onClick={() => void bookIt()}>
              {t('appointments.book')}
            </Button>
          </Space>
        )}
      </Card>
      <Card className="sw-block" title={<h2 className="sw-card-heading">{t('appointments.mine')}</h2>}>
        <Table<BookingView>
          rowKey="id"
          loading={bookings.isPending}
          dataSource={bookings.data ?? []}
          pagination={false}
          locale={{ emptyText: <TableEmpty text={t('appointments.empty')} /> }}
          scroll={{ x: true }}
          columns={[
            { title: t('appointments.day'), dataIndex: 'day' },
            { title: t('appointments.slot'), render: (_, b) => `${b.starts}–${b.ends}` },
            { title: t('appointments.vehicle'), render: (_, b) => `${b.tempPlate ?? ''} ${b.hkPlate}` },
            { title: t('appointments.port'), render: (_, b) => b.portName[locale] },
            {
              title: t('appointments.status'),
              render: (_, b) => <Tag color={STATUS_COLOURS[b.status]}>{t(STATUS_KEYS[b.status])}</Tag>,
            },
            {
              title: t('appointments.voucher'),
              render: (_, b) => (
                <Space>
                  {b.status === 'booked' ? (
                    <Button size="small" onClick={() => setVoucher(b)}>
                      {t('appointments.showVoucher')}
                    </Button>
                  ) : null}
                  {b.canCancel ? (
                    <Button size="small" danger onClick={() => cancelIt(b)}>
                      {t('appointments.cancel')}
                    </Button>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Voucher booking={voucher} onClose={() => setVoucher(null)} />
    </>
  );
}
