import { type BindHubDeviceBody, type HubSignInMethod, problemText } from '@sw/contracts';
import { Alert, Button, Form, Input, Popconfirm, Radio, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { useLocale } from '../../../hooks/use-locale';
import { useSession } from '../../../hooks/use-session';
import { applyProblemToForm, describeError, isApiError } from '../../../lib/api-client';
import { useBindDevice, useDefaultMethod, useHubDevice, useUnbindDevice } from '../api/hub-api';

/** 设置数字密码: six digits twice and the default way to sign in on this phone. */
function PinForm({ initial, onDone }: { initial: HubSignInMethod; onDone: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [form] = Form.useForm<BindHubDeviceBody>();
  const bind = useBindDevice();
  const [failure, setFailure] = useState<string | null>(null);
  const pinRule = { pattern: /^\d{6}$/, message: problemText('hub.pin_format', locale) };
  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={{ defaultMethod: initial }}
      onFinish={async (values) => {
        setFailure(null);
        try {
          await bind.mutateAsync(values);
          form.resetFields(['pin', 'confirmPin']);
          onDone();
        } catch (error) {
          if (!(isApiError(error) && applyProblemToForm(form, error.problem, locale)))
            setFailure(describeError(error));
        }
      }}
    >
      {failure ? (
        <Alert type="error" showIcon role="alert" title={failure} className="sw-form-alert" />
      ) : null}
      <Form.Item
        name="pin"
        label={t('hub.security.pin')}
        rules={[{ required: true, message: problemText('hub.pin_format', locale) }, pinRule]}
      >
        <Input.Password inputMode="numeric" maxLength={6} autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmPin"
        label={t('hub.security.confirmPin')}
        dependencies={['pin']}
        rules={[
          { required: true, message: problemText('hub.pin_format', locale) },
          ({ getFieldValue }) => ({
            validator: (_, v) =>
              !v || v === getFieldValue('pin')
                ? Promise.resolve()
                : Promise.reject(new Error(problemText('hub.pin_mismatch', locale))),
          }),
        ]}
      >
        <Input.Password inputMode="numeric" maxLength={6} autoComplete="new-password" />
      </Form.Item>
      <Form.Item name="defaultMethod" label={t('hub.security.default')}>
        <Radio.Group
          options={[
            { value: 'face', label: t('hub.methods.face') },
            { value: 'pin', label: t('hub.methods.pin') },
          ]}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" size="large" block loading={bind.isPending}>
        {t('hub.security.save')}
      </Button>
    </Form>
  );
}

/**
 * 登录方式 (个人中心 → 修改默认登录方式, seed 003 ch.1): binds this phone with a 6-digit PIN after a
 * full sign-in, then lets the person change the default method, reset the PIN or unbind the phone.
 * One phone at a time: binding this one signs the account out of any other.
 */
export function HubSecurityPage() {
  const { t } = useTranslation();
  const { data: session, isPending: sessionPending } = useSession();
  const { data: device, isPending } = useHubDevice();
  const setDefault = useDefaultMethod();
  const unbind = useUnbindDevice();
  const [resetting, setResetting] = useState(false);
  const [saved, setSaved] = useState(false);
  if (sessionPending) return <Skeleton active />;
  if (!session) return <Navigate to="/m/login?next=/m/me/security" replace />;
  let body: React.ReactNode;
  if (isPending || !device) body = <Skeleton active />;
  else if (!device.mine || resetting)
    body = (
      <>
        <p>{device.mine ? t('hub.security.resetIntro') : t('hub.security.bindIntro')}</p>
        <PinForm
          initial={device.defaultMethod ?? 'pin'}
          onDone={() => {
            setResetting(false);
            setSaved(true);
          }}
        />
      </>
    );
  else
    body = (
      <>
        {saved ? (
          <Alert
            type="success"
            showIcon
            role="status"
            title={t('hub.security.saved')}
            className="sw-form-alert"
          />
        ) : null}
        <p>{t('hub.security.bound')}</p>
        <fieldset className="sw-hub-fieldset">
          <legend>{t('hub.security.default')}</legend>
          <Radio.Group
            value={device.defaultMethod}
            disabled={setDefault.isPending}
            onChange={(e) =>
              void setDefault.mutateAsync(e.target.value as HubSignInMethod).then(() => setSaved(true))
            }
            options={[
              { value: 'face', label: t('hub.methods.face') },
              { value: 'pin', label: t('hub.methods.pin'), disabled: !device.pinSet },
            ]}
          />
        </fieldset>
        {setDefault.isError ? (
          <Alert type="error" showIcon role="alert" title={describeError(setDefault.error)} />
        ) : null}
        <Button size="large" block className="sw-hub-gap" onClick={() => setResetting(true)}>
          {t('hub.security.reset')}
        </Button>
        <Popconfirm
          title={t('hub.security.unbindConfirm')}
          onConfirm={() => unbind.mutate()}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
        >
          <Button danger size="large" block className="sw-hub-gap" loading={unbind.isPending}>
            {t('hub.security.unbind')}
          </Button>
        </Popconfirm>
      </>
    );
  return (
    <section className="sw-hub-section" aria-labelledby="hub-security-title">
      <h1 id="hub-security-title">{t('hub.security.title')}</h1>
      {body}
    </section>
  );
}
