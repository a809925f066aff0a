import { Button, Modal } from 'antd';
import { useTranslation } from 'react-i18next';

type AgreementModalProps = { open: boolean; onClose: () => void; onAgree: () => void };

const PARAGRAPHS = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'] as const;

/** 《单一窗口用户注册协议》: the text behind the link next to the agreement checkbox. */
export function AgreementModal({ open, onClose, onAgree }: AgreementModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={t('agreement.title')}
      onCancel={onClose}
      width={680}
      footer={[
        <Button key="close" onClick={onClose}>
          {t('common.close')}
        </Button>,
        <Button key="agree" type="primary" onClick={onAgree}>
          {t('agreement.agree')}
        </Button>,
      ]}
    >
      <div className="sw-agreement">
        {PARAGRAPHS.map((key) => (
          <p key={key}>{t(`agreement.${key}`)}</p>
        ))}
      </div>
    </Modal>
  );
}
