import { ExportOutlined } from '@ant-design/icons';
import type { CatalogueItem } from '@sw/contracts';
import { Button, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { loginPath } from '../../../components/session-gate';
import { useSession } from '../../../hooks/use-session';
import { applyPathOf, serviceManifest } from '../../../services/registry';
import { type ApplyRefusal, applyRefusal } from '../utils/apply-gate';

type Props = { item: CatalogueItem; name: string; size?: 'middle' | 'large' };

/**
 * 「在线办理」: checks sign-in, account kind and real-name level (apply-gate.ts) and either opens the
 * service's apply page or says, in a dialog, what stands in the way and what to do about it. Another
 * system's service opens there (in a new tab, said so); a counter-only one has no button.
 */
export function ApplyButton({ item, name, size = 'middle' }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: session } = useSession();
  const [refusal, setRefusal] = useState<ApplyRefusal | null>(null);

  if (item.mode === 'offline') return null;
  if (item.mode === 'external' && item.externalUrl) {
    return (
      <Button
        type="primary"
        size={size}
        href={item.externalUrl}
        target="_blank"
        rel="noopener noreferrer"
        icon={<ExportOutlined aria-hidden="true" />}
        aria-label={`${t('catalogue.external')} ${name}（${t('catalogue.externalNote')}）`}
        title={t('catalogue.externalNote')}
      >
        {t('catalogue.external')}
      </Button>
    );
  }

  const manifest = serviceManifest(item.code);
  const label = item.mode === 'appointment' ? t('catalogue.appointment') : t('catalogue.apply');
  const open = () => {
    const why = applyRefusal({
      item,
      account: session?.account ?? null,
      hasPages: manifest !== null,
      guests: manifest?.guests ?? false,
    });
    if (why || !manifest) setRefusal(why ?? { reason: 'noPages' });
    else void navigate(applyPathOf(manifest));
  };

  let message = '';
  let action: { label: string; to: string } | null = null;
  if (refusal?.reason === 'signIn') {
    message = t('catalogue.gate.signIn');
    action = { label: t('catalogue.gate.signInAction'), to: loginPath(`/apps/${item.code}`) };
  } else if (refusal?.reason === 'admin') {
    message = t('catalogue.gate.admin');
  } else if (refusal?.reason === 'kind') {
    message = t('catalogue.gate.kind', {
      kinds: item.audience.map((kind) => t(`accountKinds.${kind}`)).join('、'),
    });
  } else if (refusal?.reason === 'level') {
    message = t('catalogue.gate.level', {
      level: t(`catalogue.levels.${item.realNameLevel}`),
      current: t(`catalogue.levels.${refusal.current}`),
    });
    action = { label: t('catalogue.gate.levelAction'), to: '/account/real-name' };
  } else if (refusal?.reason === 'noPages') {
    message = t('catalogue.gate.noPages');
  }

  return (
    <>
      <Button type="primary" size={size} onClick={open} aria-label={`${label} ${name}`}>
        {label}
      </Button>
      <Modal
        open={refusal !== null}
        title={`${label} · ${name}`}
        onCancel={() => setRefusal(null)}
        cancelText={t('common.close')}
        okText={action?.label}
        okButtonProps={action ? {} : { style: { display: 'none' } }}
        onOk={() => action && void navigate(action.to)}
        destroyOnHidden
      >
        <p role="alert">{message}</p>
      </Modal>
    </>
  );
}
