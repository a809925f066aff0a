import type { ELicenseSession } from '@sw/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Divider, Form, Input, Modal, QRCode, Space, Spin, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorReporter } from '../../hooks/use-error-reporter';
import { useLocale } from '../../hooks/use-locale';
import { apiClient } from '../../lib/api-client';
import { idNumberRule, requiredRule } from '../../lib/form-rules';

/** the e-business-licence authorization (POST/GET /api/e-license/sessions; the simulator's confirm) */
const eLicenseApi = {
  start: () => apiClient.post<ELicenseSession>('/api/e-license/sessions'),
  get: (id: string) => apiClient.get<ELicenseSession>(`/api/e-license/sessions/${id}`),
  simulateConfirm: (
    id: string,
    body: { creditCode: string; name: string; legalRepName: string; legalRepIdNumber: string },
  ) => apiClient.post<ELicenseSession>(`/api/dev/e-license/sessions/${id}/authorize`, body),
};

type SimulatorValues = { creditCode: string; name: string; legalRepName: string; legalRepIdNumber: string };

/**
 * 电子营业执照快捷注册 and 电子营业执照验证 (忘记密码): shows the QR code the licence holder scans in the e-business-licence app,
 * waits for the confirmation, and hands back the enterprise data. While the adapter is the
 * simulator, a labelled panel stands in for the app.
 */
export function ELicenseModal({
  open,
  title,
  onCancel,
  onAuthorized,
}: {
  open: boolean;
  /** the dialog's title (default: 电子营业执照快捷注册's) */
  title?: string;
  onCancel: () => void;
  onAuthorized: (session: ELicenseSession) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const reportError = useErrorReporter();
  const [form] = Form.useForm<SimulatorValues>();
  const start = useMutation({ mutationFn: eLicenseApi.start });
  const sessionId = start.data?.id;
  const poll = useQuery({
    queryKey: ['e-license', sessionId],
    queryFn: () => eLicenseApi.get(sessionId!),
    enabled: open && Boolean(sessionId),
    refetchInterval: (query) => (query.state.data?.status === 'authorized' ? false : 2000),
  });
  const confirm = useMutation({
    mutationFn: (values: SimulatorValues) => eLicenseApi.simulateConfirm(sessionId!, values),
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: open a new authorization each time the dialog opens
  useEffect(() => {
    if (open) start.mutate();
  }, [open]);

  const session = poll.data ?? start.data;
  useEffect(() => {
    if (open && session?.status === 'authorized' && session.enterprise) onAuthorized(session);
  }, [open, session, onAuthorized]);

  return (
    <Modal
      open={open}
      title={title ?? t('orgRegister.eLicense.title')}
      onCancel={onCancel}
      footer={<Button onClick={onCancel}>{t('common.cancel')}</Button>}
      destroyOnHidden
    >
      {!session ? (
        <Spin />
      ) : (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Paragraph>{t('orgRegister.eLicense.scanHint')}</Typography.Paragraph>
          <div style={{ display: 'flex', justifyContent: 'center' }}>
            <QRCode value={session.qrPayload} aria-label={t('orgRegister.eLicense.qrLabel')} />
          </div>
          <Typography.Text type="secondary">{t('orgRegister.eLicense.waiting')}</Typography.Text>
          {session.simulator ? (
            <>
              <Divider />
              <Alert type="warning" showIcon message={t('orgRegister.eLicense.simulatorNotice')} />
              <Form<SimulatorValues>
                form={form}
                name="e-license-simulator"
                layout="vertical"
                onFinish={(values) =>
                  confirm.mutate(values, {
                    onSuccess: () => void poll.refetch(),
                    onError: (error) => reportError(error, form),
                  })
                }
              >
                <Form.Item
                  name="creditCode"
                  label={t('orgRegister.creditCode')}
                  rules={[requiredRule(locale)]}
                >
                  <Input maxLength={18} />
                </Form.Item>
                <Form.Item name="name" label={t('orgRegister.name')} rules={[requiredRule(locale)]}>
                  <Input maxLength={100} />
                </Form.Item>
                <Form.Item
                  name="legalRepName"
                  label={t('orgRegister.legalRepName')}
                  rules={[requiredRule(locale)]}
                >
                  <Input maxLength={50} />
                </Form.Item>
                <Form.Item
                  name="legalRepIdNumber"
                  label={t('orgRegister.legalRepIdNumber')}
                  rules={[requiredRule(locale), idNumberRule('resident_id', locale)]}
                >
                  <Input maxLength={18} />
                </Form.Item>
                <Button htmlType="submit" loading={confirm.isPending}>
                  {t('orgRegister.eLicense.simulateConfirm')}
                </Button>
              </Form>
            </>
          ) : null}
        </Space>
      )}
    </Modal>
  );
}
