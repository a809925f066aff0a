import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import { useState } from 'react';
import type {
  CertTypeBody,
  CertTypeView,
} from '../../../../../server/src/modules/services/cert-review/contract.ts';
import { PageTitle } from '../../../components/page-title';
import { useLocale } from '../../../hooks/use-locale';
import { describeError, isApiError } from '../../../lib/api-client';
import { applyFormProblem } from '../../kit/problem';
import { useCertTypes, useSaveCertType } from '../api';
import { useMessages } from '../messages';

type Values = { code: string; zhCN: string; zhHK?: string; en?: string; sort: number; active: boolean };

/** `/console/services/cert-review/cert-types` — platform admins keep the list of 监管证件 types. */
export function CertTypesPage() {
  const m = useMessages();
  const locale = useLocale();
  const { message } = App.useApp();
  const types = useCertTypes(true);
  const save = useSaveCertType();
  const [editing, setEditing] = useState<CertTypeView | 'new' | null>(null);
  const [form] = Form.useForm<Values>();

  const open = (type: CertTypeView | 'new') => {
    setEditing(type);
    form.setFieldsValue(
      type === 'new'
        ? { code: '', zhCN: '', zhHK: '', en: '', sort: 100, active: true }
        : {
            code: type.code,
            zhCN: type.name['zh-CN'],
            zhHK: type.name['zh-HK'],
            en: type.name.en,
            sort: type.sort,
            active: type.active,
          },
    );
  };

  const submit = async (values: Values) => {
    const body: CertTypeBody = {
      code: values.code.trim(),
      name: { 'zh-CN': values.zhCN, 'zh-HK': values.zhHK || undefined, en: values.en || undefined },
      sort: values.sort,
      active: values.active,
    };
    try {
      await save.mutateAsync({ body, isNew: editing === 'new' });
      void message.success(m('types.saved'));
      setEditing(null);
    } catch (error) {
      const problem = isApiError(error) ? error.problem : null;
      const mapped = problem
        ? applyFormProblem(form, {
            ...problem,
            errors: problem.errors?.map((e) => ({
              ...e,
              path:
                e.path === 'name.zh-CN'
                  ? 'zhCN'
                  : e.path === 'name.zh-HK'
                    ? 'zhHK'
                    : e.path === 'name.en'
                      ? 'en'
                      : e.path,
            })),
          })
        : false;
      if (!mapped) void message.error(describeError(error));
    }
  };

  const columns: TableColumnsType<CertTypeView> = [
    { key: 'code', title: m('types.code'), dataIndex: 'code' },
    { key: 'name', title: m('types.nameZhCn'), render: (_, row) => row.name[locale] },
    { key: 'sort', title: m('types.sort'), dataIndex: 'sort' },
    {
      key: 'active',
      title: m('types.active'),
      render: (_, row) =>
        row.active ? <Tag color="blue">{m('types.activeYes')}</Tag> : <Tag>{m('types.activeNo')}</Tag>,
    },
    {
      key: 'actions',
      title: '',
      render: (_, row) => (
        <Button size="small" onClick={() => open(row)} aria-label={`${m('types.edit')} ${row.name[locale]}`}>
          {m('types.edit')}
        </Button>
      ),
    },
  ];

  return (
    <div className="sw-workspace-page">
      <PageTitle
        extra={
          <Button type="primary" icon={<PlusOutlined aria-hidden="true" />} onClick={() => open('new')}>
            {m('types.add')}
          </Button>
        }
      >
        {m('types.title')}
      </PageTitle>
      {types.isError ? <Alert type="error" showIcon title={describeError(types.error)} /> : null}
      <Card>
        <Table<CertTypeView>
          rowKey="code"
          columns={columns}
          dataSource={types.data ?? []}
          loading={types.isPending}
          pagination={false}
          scroll={{ x: 640 }}
        />
      </Card>
      <Modal
        open={editing !== null}
        title={editing === 'new' ? m('types.add') : m('types.edit')}
        okText={m('types.save')}
        confirmLoading={save.isPending}
        onOk={() => form.submit()}
        onCancel={() => setEditing(null)}
        forceRender
      >
        <Form<Values>
          form={form}
          name="cert-type"
          layout="vertical"
          onFinish={(values) => void submit(values)}
        >
          <Form.Item
            name="code"
            label={m('types.code')}
            extra={m('types.codeHint')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={40} disabled={editing !== 'new'} />
          </Form.Item>
          <Form.Item name="zhCN" label={m('types.nameZhCn')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="zhHK" label={m('types.nameZhHk')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="en" label={m('types.nameEn')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="sort" label={m('types.sort')}>
            <InputNumber min={0} max={9999} />
          </Form.Item>
          <Form.Item name="active" label={m('types.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
