import { Empty } from 'antd';

/** A table's empty state with text dark enough for WCAG AA (antd's default grey is not). */
export function TableEmpty({ text }: { text: string }) {
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={<span className="sw-empty-text">{text}</span>} />
  );
}
