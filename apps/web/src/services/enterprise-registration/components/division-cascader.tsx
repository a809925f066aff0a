import { type Division, divisions } from '@sw/contracts';
import { Cascader } from 'antd';
import { useMemo } from 'react';
import { useMessages } from '../messages';

type Option = { code: string; name: string; children?: Option[] };

function toOptions(list: readonly Division[]): Option[] {
  return list.map((d) =>
    d.children?.length ? { ...d, children: toOptions(d.children) } : { code: d.code, name: d.name },
  );
}

/**
 * 企业所在省市区: province → city → county or district from the GB/T 2260 table of the contracts
 * (a city without a county level, such as 东莞市, ends at the city). Typing filters by name.
 */
export function DivisionCascader({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: string[];
  onChange?: (value: string[]) => void;
}) {
  const m = useMessages();
  const options = useMemo(() => toOptions(divisions()), []);
  return (
    <Cascader<Option>
      id={id}
      value={value}
      onChange={(v) => onChange?.((v ?? []).map(String))}
      options={options}
      fieldNames={{ value: 'code', label: 'name', children: 'children' }}
      placeholder={m('fields.regionPlaceholder')}
      showSearch={{
        filter: (input, path) => path.some((o) => o.name.includes(input.trim())),
        limit: 50,
      }}
      expandTrigger="hover"
    />
  );
}
