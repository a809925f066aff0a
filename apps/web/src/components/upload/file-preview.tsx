import { DownloadOutlined, ExportOutlined } from '@ant-design/icons';
import { isInlinePreviewable } from '@sw/contracts';
import { Alert, Button, Image, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fileUrl } from './upload-request';

/** What the viewer needs of a file. */
export type PreviewableFile = { id: string; name: string; mime: string };

type FileViewerProps = {
  file: PreviewableFile;
  /** height of a PDF frame (CSS), default 70vh */
  height?: string;
  /** a local copy to show instead (a data: URL), for an upload the server shows only to its token */
  src?: string;
};

/**
 * Shows an image or a PDF where it is placed, through the browser's own viewer
 * (`?inline=1`, which the server allows to be framed by our pages only). Other types get a
 * download link.
 */
export function FileViewer({ file, height = '70vh', src }: FileViewerProps) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState(false);
  const inline = src ?? fileUrl(file.id, 'inline');
  const actions = (
    <Space wrap>
      {isInlinePreviewable(file.mime) && !src && (
        <Button
          href={inline}
          target="_blank"
          rel="noopener noreferrer"
          icon={<ExportOutlined aria-hidden="true" />}
        >
          {t('upload.openInNewWindow')}
        </Button>
      )}
      {!src && (
        <Button
          href={fileUrl(file.id)}
          download={file.name}
          icon={<DownloadOutlined aria-hidden="true" />}
          aria-label={t('upload.downloadLabel', { name: file.name })}
        >
          {t('upload.download')}
        </Button>
      )}
    </Space>
  );
  if (failed) return <Alert type="error" showIcon title={t('upload.previewFailed')} />;
  if (file.mime.startsWith('image/') && isInlinePreviewable(file.mime)) {
    return (
      <Space orientation="vertical" style={{ width: '100%' }} align="center">
        <Image
          src={inline}
          alt={file.name}
          style={{ maxWidth: '100%', maxHeight: height, objectFit: 'contain' }}
          onError={() => setFailed(true)}
        />
        {actions}
      </Space>
    );
  }
  if (file.mime === 'application/pdf' && !src) {
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <iframe
          src={inline}
          title={t('upload.pdfFrameTitle', { name: file.name })}
          style={{ width: '100%', height, border: '1px solid var(--ant-color-border, #d9d9d9)' }}
        />
        {actions}
      </Space>
    );
  }
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text>{t('upload.previewUnsupported')}</Typography.Text>
      {actions}
    </Space>
  );
}

type FilePreviewModalProps = {
  /** the file to show; null keeps the modal closed */
  file: PreviewableFile | null;
  onClose: () => void;
  src?: string;
};

/** The viewer in a modal, e.g. from an attachment list in the console or in a form. */
export function FilePreviewModal({ file, onClose, src }: FilePreviewModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      open={file !== null}
      onCancel={onClose}
      footer={null}
      width="min(960px, 96vw)"
      title={file ? t('upload.previewTitle', { name: file.name }) : undefined}
      destroyOnHidden
    >
      {file && <FileViewer file={file} src={src} />}
    </Modal>
  );
}
