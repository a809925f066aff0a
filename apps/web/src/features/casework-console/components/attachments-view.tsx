import {
  DownloadOutlined,
  EyeOutlined,
  FileImageOutlined,
  FileOutlined,
  FilePdfOutlined,
} from '@ant-design/icons';
import { type AttachmentView, isInlinePreviewable } from '@sw/contracts';
import { Button, Empty, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FileViewer } from '../../../components/upload/file-preview';
import { fileUrl } from '../../../components/upload/upload-request';
import { useLocale } from '../../../hooks/use-locale';
import { formatBytes } from '../../../lib/format';
import { localized } from '../api/services';

function FileIcon({ mime }: { mime: string }) {
  if (mime === 'application/pdf') return <FilePdfOutlined aria-hidden="true" />;
  if (mime.startsWith('image/')) return <FileImageOutlined aria-hidden="true" />;
  return <FileOutlined aria-hidden="true" />;
}

/**
 * 附件: the files by slot, with thumbnails; images and PDF open in a preview (previous / next
 * among the previewable files), every file downloads.
 */
export function AttachmentsView({ attachments }: { attachments: AttachmentView[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const previewable = attachments.filter((a) => isInlinePreviewable(a.mime));
  const [current, setCurrent] = useState<number | null>(null);
  const shown = current === null ? undefined : previewable[current];

  if (attachments.length === 0) {
    return <Empty description={<span className="sw-empty-text">{t('casework.attachments.empty')}</span>} />;
  }

  const slots: { slot: string; name: string; files: AttachmentView[] }[] = [];
  for (const file of attachments) {
    let group = slots.find((s) => s.slot === file.slot);
    if (!group) {
      group = { slot: file.slot, name: localized(file.slotName, locale) || file.slot, files: [] };
      slots.push(group);
    }
    group.files.push(file);
  }

  return (
    <>
      {slots.map((group) => (
        <section key={group.slot}>
          <h3 className="sw-cw-slot-title">{group.name}</h3>
          <ul className="sw-cw-attachments" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {group.files.map((file) => {
              const index = previewable.indexOf(file);
              return (
                <li key={file.fileId} className="sw-cw-file">
                  <span className="sw-cw-file__thumb">
                    {file.hasThumbnail ? (
                      <img src={fileUrl(file.fileId, 'thumbnail')} alt="" loading="lazy" />
                    ) : (
                      <FileIcon mime={file.mime} />
                    )}
                  </span>
                  <span className="sw-cw-file__body">
                    <span className="sw-cw-file__name" title={file.name}>
                      {file.name}
                    </span>
                    <span className="sw-cw-muted">{formatBytes(file.size)}</span>
                    <Space size={4} wrap style={{ display: 'flex' }}>
                      {index >= 0 ? (
                        <Button
                          size="small"
                          type="link"
                          icon={<EyeOutlined />}
                          onClick={() => setCurrent(index)}
                          aria-label={t('casework.attachments.previewOf', { name: file.name })}
                        >
                          {t('casework.attachments.preview')}
                        </Button>
                      ) : null}
                      <Button
                        size="small"
                        type="link"
                        icon={<DownloadOutlined />}
                        href={fileUrl(file.fileId)}
                        download={file.name}
                        aria-label={t('casework.attachments.downloadOf', { name: file.name })}
                      >
                        {t('casework.attachments.download')}
                      </Button>
                    </Space>
                  </span>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      <Modal
        open={shown !== undefined}
        title={shown?.name}
        width="min(960px, 96vw)"
        onCancel={() => setCurrent(null)}
        destroyOnHidden
        footer={
          <Space wrap>
            <Button
              disabled={current === null || current <= 0}
              onClick={() => setCurrent((c) => (c === null ? c : c - 1))}
            >
              {t('casework.attachments.previous')}
            </Button>
            <span>
              {current === null
                ? ''
                : t('casework.attachments.position', { n: current + 1, total: previewable.length })}
            </span>
            <Button
              disabled={current === null || current >= previewable.length - 1}
              onClick={() => setCurrent((c) => (c === null ? c : c + 1))}
            >
              {t('casework.attachments.next')}
            </Button>
            <Button type="primary" onClick={() => setCurrent(null)}>
              {t('common.close')}
            </Button>
          </Space>
        }
      >
        {shown ? <FileViewer file={{ id: shown.fileId, name: shown.name, mime: shown.mime }} /> : null}
      </Modal>
    </>
  );
}
