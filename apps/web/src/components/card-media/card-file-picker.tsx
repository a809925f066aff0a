import { UploadOutlined } from '@ant-design/icons';
import { CARD_FILE_ACCEPT } from '@sw/contracts';
import { Button, Upload } from 'antd';
import { useTranslation } from 'react-i18next';

type CardFilePickerProps = {
  /** set by Form.Item: the picked file, or undefined */
  value?: File;
  onChange?: (file: File | undefined) => void;
  id?: string;
  disabled?: boolean;
};

/**
 * Picks the card file (.p12 / .pfx) that stands in for the IC card or IKey. The file stays in the
 * page: it is opened with the PIN in the browser and never uploaded.
 */
export function CardFilePicker({ value, onChange, id, disabled }: CardFilePickerProps) {
  const { t } = useTranslation();
  return (
    <Upload
      accept={CARD_FILE_ACCEPT}
      maxCount={1}
      disabled={disabled}
      fileList={value ? [{ uid: 'card', name: value.name, status: 'done' }] : []}
      beforeUpload={(file) => {
        onChange?.(file);
        return false;
      }}
      onRemove={() => {
        onChange?.(undefined);
        return true;
      }}
    >
      <Button id={id} icon={<UploadOutlined aria-hidden="true" />} disabled={disabled}>
        {t('cards.media.chooseFile')}
      </Button>
    </Upload>
  );
}
