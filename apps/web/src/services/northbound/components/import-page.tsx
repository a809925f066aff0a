import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Table, Tag, Upload } from 'antd';
import { useState } from 'react';
import type { ImportReport } from '../../../../../server/src/modules/services/northbound/contract.ts';
import { PageTitle } from '../../../components/page-title';
import { useLocale } from '../../../hooks/use-locale';
import { apiClient, describeError } from '../../../lib/api-client';
import { useMessages } from '../messages';

const COLUMNS =
  'hktdRef, ownerName, ownerNameEn, ownerHkid, ownerMobile, ownerEmail, hkPlate, make, model, colour, chassisNo, permittedFrom, permittedUntil, driver1Name, driver1Hkid, driver1LicenceNo, driver2Name, driver2Hkid, driver2LicenceNo';

function toBase64(buffer: ArrayBuffer): string {
  let binary = '';
  const bytes = new Uint8Array(buffer);
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

type RowError = ImportReport['errors'][number];

/** Console → 导入香港运输署申请数据: a CSV or XLSX file, with a per-row report of what was refused. */
export function ImportPage() {
  const t = useMessages();
  const locale = useLocale();
  const [report, setReport] = useState<ImportReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (file: File) => {
    setBusy(true);
    setFailure(null);
    setReport(null);
    try {
      const contentBase64 = toBase64(await file.arrayBuffer());
      setReport(
        await apiClient.post<ImportReport>('/api/console/services/northbound/import', {
          fileName: file.name,
          contentBase64,
        }),
      );
    } catch (error) {
      setFailure(describeError(error, locale));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle>{t('console.importTitle')}</PageTitle>
      <Card className="sw-block">
        <p>{t('console.importLead')}</p>
        <p>
          {t('console.columns')}：<code>{COLUMNS}</code>
        </p>
        <Upload
          accept=".csv,.xlsx"
          showUploadList={false}
          beforeUpload={(file) => {
            void send(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={busy}>
            {t('console.choose')}
          </Button>
        </Upload>
        {failure ? <Alert className="nb-gap-top" type="error" showIcon message={failure} /> : null}
      </Card>
      {report ? (
        <Card className="sw-block" aria-live="polite">
          <Space wrap className="nb-gap">
            <Tag color="green">{t('console.created', { n: report.created })}</Tag>
            <Tag color="blue">{t('console.updated', { n: report.updated })}</Tag>
            <Tag>{t('console.unchanged', { n: report.unchanged })}</Tag>
            <Tag color={report.errors.length ? 'red' : 'default'}>
              {t('console.refused', { n: report.errors.length })}
            </Tag>
          </Space>
          {report.errors.length > 0 ? (
            <Table<RowError & { key: string }>
              size="small"
              pagination={false}
              dataSource={report.errors.map((e) => ({ ...e, key: String(e.row) }))}
              columns={[
                { title: t('console.row'), dataIndex: 'row', width: 80 },
                { title: 'hktdRef', dataIndex: 'hktdRef' },
                {
                  title: t('console.error'),
                  render: (_, e) => (
                    <ul className="nb-list">
                      {e.fields.map((f) => (
                        <li key={`${f.path}-${f.code}`}>
                          <code>{f.path}</code>：{f.message}
                        </li>
                      ))}
                    </ul>
                  ),
                },
              ]}
            />
          ) : null}
        </Card>
      ) : null}
    </>
  );
}
