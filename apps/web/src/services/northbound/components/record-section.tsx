import type { ConsoleApplicationDetail } from '@sw/contracts';
import { Alert, Card, Descriptions } from 'antd';
import { INSURANCE_TYPES } from '../../../../../server/src/modules/services/northbound/contract.ts';
import { useLocale } from '../../../hooks/use-locale';
import { describeError } from '../../../lib/api-client';
import { useConsoleRecord } from '../api';
import { useMessages } from '../messages';
import { StayFigures } from './stay-figures';

/**
 * Beside a 港车北上 application in the console: HK TD's record (masked), the owner's insurance
 * (its source; a paper policy's photo is among the attachments), the plate and tags once issued,
 * the stay time and the crossings made without a booking — what 验车/保险, 发牌 and a suspension
 * are decided on.
 */
export function RecordSection({ application }: { application: ConsoleApplicationDetail }) {
  const t = useMessages();
  const locale = useLocale();
  const record = useConsoleRecord(application.id);
  if (record.isPending) return <Card className="sw-block" loading />;
  if (record.isError) return <Alert type="error" showIcon message={describeError(record.error, locale)} />;
  const { detail, insurance } = record.data;
  return (
    <Card className="sw-block" title={<h2 className="sw-card-heading">{t('console.record')}</h2>}>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} title={t('profile.owner')}>
        <Descriptions.Item label={t('profile.name')}>{detail.owner.name}</Descriptions.Item>
        <Descriptions.Item label={t('profile.hkid')}>{detail.owner.hkidMasked}</Descriptions.Item>
        <Descriptions.Item label={t('profile.mobile')}>{detail.owner.mobileMasked}</Descriptions.Item>
        <Descriptions.Item label={t('profile.email')}>{detail.owner.emailMasked ?? '—'}</Descriptions.Item>
      </Descriptions>
      <Descriptions
        className="nb-gap-top"
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        title={t('profile.vehicle')}
      >
        <Descriptions.Item label={t('center.hkPlate')}>{detail.vehicle.hkPlate}</Descriptions.Item>
        <Descriptions.Item
          label={t('profile.make')}
        >{`${detail.vehicle.make} ${detail.vehicle.model}`}</Descriptions.Item>
        <Descriptions.Item label={t('profile.colour')}>{detail.vehicle.colour}</Descriptions.Item>
        <Descriptions.Item label={t('profile.chassisNo')}>{detail.vehicle.chassisNo}</Descriptions.Item>
        <Descriptions.Item label={t('profile.drivers')} span={2}>
          {detail.drivers.length === 0
            ? t('profile.noDrivers')
            : detail.drivers.map((d) => `${d.name}（${d.hkidMasked}，${d.licenceNo}）`).join('；')}
        </Descriptions.Item>
      </Descriptions>
      <Descriptions
        className="nb-gap-top"
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        title={t('console.insurance')}
      >
        {insurance ? (
          <>
            <Descriptions.Item label={t('insurance.policyNo')}>{insurance.policyNo}</Descriptions.Item>
            <Descriptions.Item label={t('insurance.type')}>
              {INSURANCE_TYPES[insurance.type][locale]}
            </Descriptions.Item>
            <Descriptions.Item label={t('insurance.insurer')}>{insurance.insurer}</Descriptions.Item>
            <Descriptions.Item
              label={t('insurance.endDate')}
            >{`${insurance.startDate} – ${insurance.endDate}`}</Descriptions.Item>
            <Descriptions.Item label={t('console.source')} span={2}>
              {insurance.source === 'lookup' ? t('console.sourceLookup') : t('console.sourceManual')}
              {insurance.source === 'lookup' && record.data.insuranceSimulated ? (
                <strong className="nb-gap-left nb-simulated">{`（${t('console.simulated')}）`}</strong>
              ) : null}
            </Descriptions.Item>
          </>
        ) : (
          <Descriptions.Item label={t('console.insurance')}>{t('console.noInsurance')}</Descriptions.Item>
        )}
      </Descriptions>
      {record.data.tempPlate ? (
        <Descriptions className="nb-gap-top" bordered size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('center.tempPlate')}>{record.data.tempPlate}</Descriptions.Item>
          <Descriptions.Item
            label={t('center.permit')}
          >{`${record.data.permitValidFrom} – ${record.data.permitValidTo}`}</Descriptions.Item>
          <Descriptions.Item label={t('center.tag')}>{record.data.tagNo}</Descriptions.Item>
        </Descriptions>
      ) : null}
      <StayFigures stay={record.data.stay} />
      <p>
        {t('console.withoutBooking')}：<strong>{record.data.crossingsWithoutBooking}</strong>
      </p>
    </Card>
  );
}
