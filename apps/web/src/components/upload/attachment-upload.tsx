import {
  CloseOutlined,
  DeleteOutlined,
  EyeOutlined,
  FileImageOutlined,
  FileOutlined,
  FilePdfOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { isInlinePreviewable, type UploadedFile } from '@sw/contracts';
import { Button, Progress, Space, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../lib/api-client';
import { formatBytes } from '../../lib/format';
import { FilePreviewModal, type PreviewableFile } from './file-preview';
import { deleteUpload, extensionsOf, fileUrl, uploadAttachment } from './upload-request';

export type { UploadedFile } from '@sw/contracts';

export type AttachmentUploadProps = {
  /** the service code and attachment slot whose rule the server applies */
  service: string;
  slot: string;
  /** MIME types the slot accepts (as the server recognises them from the content) */
  accept: readonly string[];
  maxBytes: number;
  maxCount: number;
  /** the uploaded files (set by antd Form.Item) */
  value?: UploadedFile[];
  onChange?: (files: UploadedFile[]) => void;
  /** uploading without an account (registration with review): each file keeps its uploadToken */
  anonymous?: boolean;
  disabled?: boolean;
  /** set by Form.Item so its label points at the button */
  id?: string;
  /** the slot's name, for the button's accessible label */
  label?: string;
  /**
   * What removing a file does besides taking it out of `value`. Default: delete the upload
   * on the server (best effort: a file an application already holds stays, and the form's
   * onChange is where it gets detached).
   */
  onRemove?: (file: UploadedFile) => void | Promise<void>;
};

type Pending = {
  key: string;
  name: string;
  /** 0…100 */
  percent: number;
  status: 'uploading' | 'error';
  error?: string;
  controller?: AbortController;
};

/** Images up to this size get a local preview (a data: URL) when the server will not show them. */
const LOCAL_PREVIEW_BYTES = 5 * 1024 * 1024;

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

function FileIcon({ mime }: { mime: string }) {
  if (mime.startsWith('image/')) return <FileImageOutlined aria-hidden="true" />;
  if (mime === 'application/pdf') return <FilePdfOutlined aria-hidden="true" />;
  return <FileOutlined aria-hidden="true" />;
}

/**
 * Uploads the files of one attachment slot of an application form: checks the size and the
 * extension in the browser first (the server checks the content), streams each file with a
 * progress bar, shows the server's message when it refuses one, previews images and PDFs,
 * and removes files. Use inside `<Form.Item name={['attachments', slot]} label=…>`.
 */
export function AttachmentUpload({
  service,
  slot,
  accept,
  maxBytes,
  maxCount,
  value,
  onChange,
  anonymous = false,
  disabled = false,
  id,
  label,
  onRemove,
}: AttachmentUploadProps) {
  const { t } = useTranslation();
  const [pending, setPending] = useState<Pending[]>([]);
  const [preview, setPreview] = useState<{ file: PreviewableFile; src?: string } | null>(null);
  /** local previews of anonymous uploads, by file id */
  const [localPreviews, setLocalPreviews] = useState<Record<string, string>>({});
  // uploads finish one after another; each adds to the latest list, not to the render's
  const files = value ?? [];
  const latest = useRef(files);
  latest.current = files;
  const controllers = useRef(new Set<AbortController>());
  /** slots taken by uploads under way (the several files of one selection start before a render) */
  const reserved = useRef(0);

  useEffect(() => {
    const running = controllers.current;
    return () => {
      for (const controller of running) controller.abort();
    };
  }, []);

  const extensions = extensionsOf(accept);
  const formats = extensions.map((e) => e.toUpperCase()).join(t('upload.formatSeparator'));
  const uploadingCount = pending.filter((p) => p.status === 'uploading').length;
  const isFull = files.length + uploadingCount >= maxCount;

  const update = (key: string, change: Partial<Pending>) =>
    setPending((list) => list.map((p) => (p.key === key ? { ...p, ...change } : p)));
  const fail = (key: string, name: string, error: string) =>
    setPending((list) => [
      ...list.filter((p) => p.key !== key),
      { key, name, percent: 0, status: 'error', error },
    ]);

  /** Checks in the browser what the server would refuse anyway, before sending a byte. */
  function precheck(file: File, slotsLeft: number): string | null {
    if (slotsLeft <= 0) return t('upload.tooMany', { count: maxCount, name: file.name });
    if (file.size === 0) return t('upload.empty', { name: file.name });
    if (file.size > maxBytes) return t('upload.tooLarge', { name: file.name, size: formatBytes(maxBytes) });
    if (!extensions.includes(extensionOf(file.name)))
      return t('upload.wrongType', { name: file.name, formats });
    return null;
  }

  async function start(file: File) {
    const key = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const problem = precheck(file, maxCount - latest.current.length - reserved.current);
    if (problem) {
      fail(key, file.name, problem);
      return;
    }
    reserved.current++;
    const controller = new AbortController();
    controllers.current.add(controller);
    setPending((list) => [...list, { key, name: file.name, percent: 0, status: 'uploading', controller }]);
    try {
      const uploaded = await uploadAttachment({
        service,
        slot,
        file,
        signal: controller.signal,
        onProgress: (fraction) => update(key, { percent: Math.min(99, Math.round(fraction * 100)) }),
      });
      setPending((list) => list.filter((p) => p.key !== key));
      if (anonymous && uploaded.mime.startsWith('image/') && file.size <= LOCAL_PREVIEW_BYTES) {
        const dataUrl = await readAsDataUrl(file).catch(() => null);
        if (dataUrl) setLocalPreviews((previews) => ({ ...previews, [uploaded.id]: dataUrl }));
      }
      const next = [...latest.current, uploaded];
      latest.current = next;
      onChange?.(next);
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') {
        setPending((list) => list.filter((p) => p.key !== key));
      } else {
        fail(key, file.name, t('upload.failed', { name: file.name, reason: describeError(error) }));
      }
    } finally {
      reserved.current--;
      controllers.current.delete(controller);
    }
  }

  function remove(file: UploadedFile) {
    const next = latest.current.filter((f) => f.id !== file.id);
    latest.current = next;
    onChange?.(next);
    setLocalPreviews(({ [file.id]: _gone, ...rest }) => rest);
    const removal = onRemove ? onRemove(file) : deleteUpload(file);
    Promise.resolve(removal).catch(() => {
      // best effort: an upload nobody claims is purged by the server
    });
  }

  function openPreview(file: UploadedFile) {
    const src = localPreviews[file.id];
    if (anonymous && !src) return;
    setPreview({ file, src });
  }

  const canPreview = (file: UploadedFile) =>
    isInlinePreviewable(file.mime) && (!anonymous || localPreviews[file.id] !== undefined);
  const thumbnailOf = (file: UploadedFile): string | null => {
    if (localPreviews[file.id]) return localPreviews[file.id] ?? null;
    return !anonymous && file.hasThumbnail ? fileUrl(file.id, 'thumbnail') : null;
  };

  return (
    <div className="sw-attachment-upload">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Upload
          accept={[...extensions.map((e) => `.${e}`), ...accept].join(',')}
          multiple={maxCount > 1}
          showUploadList={false}
          disabled={disabled || isFull}
          beforeUpload={(file) => {
            void start(file);
            return Upload.LIST_IGNORE;
          }}
        >
          <Button
            id={id}
            icon={<UploadOutlined aria-hidden="true" />}
            disabled={disabled || isFull}
            aria-label={label ? t('upload.chooseLabel', { slot: label }) : undefined}
          >
            {t('upload.choose')}
          </Button>
        </Upload>
        <Typography.Text type="secondary">
          {t('upload.hint', { formats, size: formatBytes(maxBytes), count: maxCount })}
        </Typography.Text>
        <ul
          aria-label={t('upload.listLabel')}
          aria-live="polite"
          style={{ listStyle: 'none', margin: 0, padding: 0 }}
        >
          {files.map((file) => {
            const thumbnail = thumbnailOf(file);
            return (
              <li key={file.id} style={{ padding: '4px 0' }}>
                <Space wrap align="center">
                  {thumbnail ? (
                    <img
                      src={thumbnail}
                      alt={t('upload.thumbnailAlt', { name: file.name })}
                      width={48}
                      height={48}
                      style={{ objectFit: 'cover', borderRadius: 4 }}
                    />
                  ) : (
                    <FileIcon mime={file.mime} />
                  )}
                  <Typography.Text>{file.name}</Typography.Text>
                  <Typography.Text type="secondary">{formatBytes(file.size)}</Typography.Text>
                  {canPreview(file) && (
                    <Button
                      size="small"
                      type="text"
                      icon={<EyeOutlined aria-hidden="true" />}
                      onClick={() => openPreview(file)}
                      aria-label={t('upload.previewLabel', { name: file.name })}
                    >
                      {t('upload.preview')}
                    </Button>
                  )}
                  {!disabled && (
                    <Button
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined aria-hidden="true" />}
                      onClick={() => remove(file)}
                      aria-label={t('upload.removeLabel', { name: file.name })}
                    >
                      {t('upload.remove')}
                    </Button>
                  )}
                </Space>
              </li>
            );
          })}
          {pending.map((item) => (
            <li key={item.key} style={{ padding: '4px 0' }}>
              {item.status === 'uploading' ? (
                <Space wrap align="center" style={{ width: '100%' }}>
                  <Typography.Text>{item.name}</Typography.Text>
                  <Progress
                    percent={item.percent}
                    size="small"
                    status="active"
                    style={{ width: 200 }}
                    aria-label={t('upload.progressLabel', { name: item.name })}
                  />
                  <Button
                    size="small"
                    type="text"
                    icon={<CloseOutlined aria-hidden="true" />}
                    onClick={() => item.controller?.abort()}
                    aria-label={t('upload.cancelLabel', { name: item.name })}
                  >
                    {t('upload.cancel')}
                  </Button>
                </Space>
              ) : (
                <Space wrap align="center">
                  <Typography.Text type="danger" role="alert">
                    {item.error}
                  </Typography.Text>
                  <Button
                    size="small"
                    type="text"
                    icon={<CloseOutlined aria-hidden="true" />}
                    onClick={() => setPending((list) => list.filter((p) => p.key !== item.key))}
                    aria-label={t('upload.dismissLabel', { name: item.name })}
                  >
                    {t('upload.dismiss')}
                  </Button>
                </Space>
              )}
            </li>
          ))}
        </ul>
      </Space>
      <FilePreviewModal file={preview?.file ?? null} src={preview?.src} onClose={() => setPreview(null)} />
    </div>
  );
}
