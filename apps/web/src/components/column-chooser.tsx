import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Popover } from 'antd';
import { useTranslation } from 'react-i18next';

type ColumnChooserProps = {
  columns: readonly { key: string; title: string }[];
  visible: readonly string[];
  onChange: (visible: string[]) => void;
};

/** 选择显示列 (seed 004 §3.7.3): tick the columns a table shows; at least one stays visible. */
export function ColumnChooser({ columns, visible, onChange }: ColumnChooserProps) {
  const { t } = useTranslation();
  const content = (
    <Checkbox.Group
      className="sw-column-chooser"
      aria-label={t('columns.choose')}
      value={[...visible]}
      onChange={(values) => {
        if (values.length > 0) onChange(columns.map((c) => c.key).filter((key) => values.includes(key)));
      }}
      options={columns.map((column) => ({ value: column.key, label: column.title }))}
    />
  );
  return (
    <Popover trigger="click" placement="bottomRight" content={content} title={t('columns.choose')}>
      <Button icon={<SettingOutlined />} aria-label={t('columns.choose')} title={t('columns.choose')} />
    </Popover>
  );
}
