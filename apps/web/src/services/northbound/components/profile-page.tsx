import { Alert, Button, Card, Descriptions, Modal, Table } from 'antd';
import { useState } from 'react';
import type { VehicleDetail } from '../../../../../server/src/modules/services/northbound/contract.ts';
import { PageLoading } from '../../../components/page-loading';
import { PageTitle } from '../../../components/page-title';
import { TableEmpty } from '../../../components/table-empty';
import { describeError } from '../../../lib/api-client';
import { useCenter, useVehicleDetail } from '../api';
import { useMessages } from '../messages';

type Driver = VehicleDetail['drivers'][number];

function OwnerAndVehicle({ recordId }: { recordId: string }) {
  const t = useMessages();
  const detail = useVehicleDetail(recordId);
  if (detail.isPending) return <PageLoading />;
  if (detail.isError) return <Alert type="error" showIcon message={describeError(detail.error)} />;
  const { owner, vehicle } = detail.data;
  return (
    <>
      <Card className="sw-block" title={<h2 className="sw-card-heading">{t('profile.owner')}</h2>}>
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('profile.name')}>{owner.name}</Descriptions.Item>
          <Descriptions.Item label={t('profile.nameEn')}>{owner.nameEn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('profile.hkid')}>{owner.hkidMasked}</Descriptions.Item>
          <Descriptions.Item label={t('profile.mobile')}>{owner.mobileMasked}</Descriptions.Item>
          <Descriptions.Item label={t('profile.email')}>{owner.emailMasked ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card className="sw-block" title={<h2 className="sw-card-heading">{t('profile.vehicle')}</h2>}>
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('center.hkPlate')}>{vehicle.hkPlate}</Descriptions.Item>
          <Descriptions.Item label={t('profile.make')}>{vehicle.make}</Descriptions.Item>
          <Descriptions.Item label={t('profile.model')}>{vehicle.model}</Descriptions.Item>
          <Descriptions.Item label={t('profile.colour')}>{vehicle.colour}</Descriptions.Item>
          <Descriptions.Item label={t('profile.chassisNo')}>{vehicle.chassisNo}</Descriptions.Item>
        </Descriptions>
      </Card>
    </>
  );
}

function Drivers({ recordId, plate }: { recordId: string; plate: string }) {
  const t = useMessages();
  const detail = useVehicleDetail(recordId);
  const [open, setOpen] = useState<Driver | null>(null);
  return (
    <Card className="sw-block" title={<h2 className="sw-card-heading">{plate}</h2>}>
      <Table<Driver>
        rowKey="hkidMasked"
        loading={detail.isPending}
        dataSource={detail.data?.drivers ?? []}
        pagination={false}
        locale={{ emptyText: <TableEmpty text={t('profile.noDrivers')} /> }}
        columns={[
          { title: t('profile.name'), dataIndex: 'name' },
          { title: t('profile.hkid'), dataIndex: 'hkidMasked' },
          { title: t('profile.licenceNo'), dataIndex: 'licenceNo' },
          {
            title: t('profile.view'),
            render: (_, d) => (
              <Button size="small" onClick={() => setOpen(d)}>
                {t('profile.view')}
              </Button>
            ),
          },
        ]}
      />
      <Modal open={open !== null} title={t('profile.detail')} footer={null} onCancel={() => setOpen(null)}>
        {open ? (
          <Descriptions bordered size="small" column={1}>
            <Descriptions.Item label={t('profile.name')}>{open.name}</Descriptions.Item>
            <Descriptions.Item label={t('profile.hkid')}>{open.hkidMasked}</Descriptions.Item>
            <Descriptions.Item label={t('profile.licenceNo')}>{open.licenceNo}</Descriptions.Item>
            <Descriptions.Item label={t('profile.driverTag')}>{open.driverTagNo ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('center.vehicle')}>{plate}</Descriptions.Item>
          </Descriptions>
        ) : null}
      </Modal>
    </Card>
  );
}

/** `/apps/northbound/profile` — 我的资料 (000 §4.5): owner and vehicle records, masked. */
export function ProfilePage() {
  const t = useMessages();
  const center = useCenter();
  if (center.isPending) return <PageLoading />;
  const vehicles = center.data?.vehicles ?? [];
  return (
    <>
      <PageTitle>{t('profile.title')}</PageTitle>
      {vehicles.length === 0 ? <TableEmpty text={t('center.empty')} /> : null}
      {vehicles.map((v) => (
        <OwnerAndVehicle key={v.recordId} recordId={v.recordId} />
      ))}
    </>
  );
}

/** `/apps/northbound/drivers` — 我的驾驶人 (000 §4.6): the list, 【查看】 for the detail. */
export function DriversPage() {
  const t = useMessages();
  const center = useCenter();
  if (center.isPending) return <PageLoading />;
  const vehicles = center.data?.vehicles ?? [];
  return (
    <>
      <PageTitle>{t('profile.drivers')}</PageTitle>
      {vehicles.length === 0 ? <TableEmpty text={t('center.empty')} /> : null}
      {vehicles.map((v) => (
        <Drivers key={v.recordId} recordId={v.recordId} plate={`${v.hkPlate} · ${v.vehicle}`} />
      ))}
    </>
  );
}
