import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { ApplicationDetail } from '@sw/contracts';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Skeleton,
  Space,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import {
  CERT_ATTACHMENTS,
  CERT_FIELDS,
  CUSTOMS_PORTS,
  GOODS_UNITS,
} from '../../../../../server/src/modules/services/cert-review/contract.ts';
import { LinkButton } from '../../../components/link-button';
import { PageTitle } from '../../../components/page-title';
import { SessionGate } from '../../../components/session-gate';
import { useLocale } from '../../../hooks/use-locale';
import { describeError } from '../../../lib/api-client';
import { DraftAttachmentSlot } from '../../kit/draft-attachments';
import { DraftSaveStatus, useDraftSubmit } from '../../kit/draft-submit';
import { SubmitReceipt } from '../../kit/submit-receipt';
import { useServerDraft } from '../../kit/use-server-draft';
import { useCertTypes, usePrefill } from '../api';
import { useMessages } from '../messages';
import { SimulatorNote } from './simulator-note';

type GoodsValues = { hsCode?: string; name?: string; quantity?: number; unit?: string };
type FormValues = {
  certType?: string;
  certNo?: string;
  issuingAuthority?: string;
  issueDate?: string;
  validFrom?: string;
  validTo?: string;
  holderName?: string;
  holderCreditCode?: string;
  port?: string;
  goods?: GoodsValues[];
  remarks?: string;
  readdedFrom?: string;
  attachments?: unknown;
};

/** The form as the draft stores it (the attachment slots are the draft's own). */
function formOf(values: FormValues): Record<string, unknown> {
  const { attachments: _files, ...form } = values;
  return form;
}

const dateProps = {
  getValueProps: (value: string | undefined) => ({ value: value ? dayjs(value) : null }),
  normalize: (value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : undefined),
};

function useLabel() {
  const locale = useLocale();
  return (path: string) => CERT_FIELDS[path]?.label[locale] ?? path;
}

function ApplyForm({ draftId }: { draftId: string | null }) {
  const m = useMessages();
  const label = useLabel();
  const locale = useLocale();
  const [, setParams] = useSearchParams();
  const [form] = Form.useForm<FormValues>();
  const types = useCertTypes();
  const prefill = usePrefill(!draftId);
  const onCreated = useCallback(
    (created: ApplicationDetail) => setParams({ draft: created.id }, { replace: true }),
    [setParams],
  );
  const draft = useServerDraft({ serviceCode: 'cert-review', draftId, onCreated });
  const { submit, submitting, submitted } = useDraftSubmit(form, draft, formOf);

  const initial = useMemo<FormValues | null>(() => {
    if (draftId) return draft.application ? (draft.application.form as FormValues) : null;
    if (prefill.isPending) return null;
    return {
      holderName: prefill.data?.holderName ?? '',
      holderCreditCode: prefill.data?.holderCreditCode ?? '',
      goods: [{}],
    };
  }, [draftId, draft.application, prefill.isPending, prefill.data]);

  if (submitted) {
    return (
      <SubmitReceipt
        application={submitted}
        title={m('apply.submitted')}
        extra={<LinkButton to="/apps/cert-review/records">{m('apply.backToList')}</LinkButton>}
      />
    );
  }
  if (draft.loadError) return <Alert type="error" showIcon title={describeError(draft.loadError)} />;
  if (!initial) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (draftId && draft.application && draft.application.status !== 'draft')
    return (
      <Alert
        type="info"
        showIcon
        title={draft.application.statusName[locale]}
        action={
          <LinkButton size="small" to={`/account/applications/${draft.application.id}`}>
            {draft.application.number}
          </LinkButton>
        }
      />
    );

  const readd = Boolean(initial.readdedFrom);

  return (
    <>
      <PageTitle extra={<DraftSaveStatus draft={draft} />}>
        {readd ? m('apply.readdTitle') : m('apply.title')}
      </PageTitle>
      {readd ? <Alert className="sw-block" type="warning" showIcon title={m('apply.readdNote')} /> : null}
      <Form<FormValues>
        form={form}
        name="cert-apply"
        layout="vertical"
        initialValues={initial}
        onValuesChange={(_, all) => draft.schedule(formOf(all))}
        onFinish={() => void submit()}
        scrollToFirstError
      >
        <Form.Item name="readdedFrom" hidden>
          <Input />
        </Form.Item>
        <Card className="sw-block" title={<h2 className="sw-card-heading">{m('apply.certSection')}</h2>}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="certType"
                label={label('certTypeName')}
                rules={[{ required: true, message: m('apply.selectType') }]}
              >
                <Select
                  showSearch
                  optionFilterProp="label"
                  placeholder={m('apply.selectType')}
                  loading={types.isPending}
                  options={(types.data ?? []).map((type) => ({ value: type.code, label: type.name[locale] }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="certNo" label={label('certNo')} rules={[{ required: true, whitespace: true }]}>
                <Input maxLength={50} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="issuingAuthority"
                label={label('issuingAuthority')}
                rules={[{ required: true, whitespace: true }]}
              >
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="issueDate"
                label={label('issueDate')}
                rules={[{ required: true }]}
                {...dateProps}
              >
                <DatePicker className="sw-full-width" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="validFrom"
                label={label('validFrom')}
                rules={[{ required: true }]}
                {...dateProps}
              >
                <DatePicker className="sw-full-width" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="validTo" label={label('validTo')} rules={[{ required: true }]} {...dateProps}>
                <DatePicker className="sw-full-width" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="port"
                label={label('port')}
                rules={[{ required: true, message: m('apply.selectPort') }]}
              >
                <Select
                  placeholder={m('apply.selectPort')}
                  options={Object.entries(CUSTOMS_PORTS).map(([code, name]) => ({
                    value: code,
                    label: `${name[locale]}（${code}）`,
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="remarks" label={label('remarks')}>
                <Input.TextArea rows={2} maxLength={500} showCount />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card className="sw-block" title={<h2 className="sw-card-heading">{m('apply.holderSection')}</h2>}>
          <p className="sw-muted">{m('apply.holderHint')}</p>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="holderName"
                label={label('holderName')}
                rules={[{ required: true, whitespace: true }]}
              >
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="holderCreditCode"
                label={label('holderCreditCode')}
                rules={[{ required: true, whitespace: true }]}
              >
                <Input maxLength={18} />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card className="sw-block" title={<h2 className="sw-card-heading">{m('apply.goodsSection')}</h2>}>
          <Form.List name="goods">
            {(lines, { add, remove }) => (
              <>
                {lines.map((line, i) => (
                  <fieldset key={line.key} className="sw-cr-line">
                    <legend>{m('apply.line', { n: i + 1 })}</legend>
                    <Row gutter={12} align="bottom">
                      <Col xs={24} md={6}>
                        <Form.Item
                          name={[line.name, 'hsCode']}
                          label={label('goods.*.hsCode')}
                          extra={m('apply.hsHint')}
                          rules={[{ required: true, whitespace: true }]}
                        >
                          <Input maxLength={10} inputMode="numeric" />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={7}>
                        <Form.Item
                          name={[line.name, 'name']}
                          label={label('goods.*.name')}
                          rules={[{ required: true, whitespace: true }]}
                        >
                          <Input maxLength={100} />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={4}>
                        <Form.Item
                          name={[line.name, 'quantity']}
                          label={label('goods.*.quantity')}
                          rules={[{ required: true }]}
                        >
                          <InputNumber min={0} className="sw-full-width" />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={4}>
                        <Form.Item
                          name={[line.name, 'unit']}
                          label={label('goods.*.unit')}
                          rules={[{ required: true, message: m('apply.selectUnit') }]}
                        >
                          <Select
                            placeholder={m('apply.selectUnit')}
                            options={Object.entries(GOODS_UNITS).map(([code, name]) => ({
                              value: code,
                              label: name[locale],
                            }))}
                          />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={3}>
                        <Form.Item>
                          <Button
                            danger
                            icon={<DeleteOutlined aria-hidden="true" />}
                            disabled={lines.length === 1}
                            onClick={() => remove(line.name)}
                            aria-label={`${m('apply.removeLine')} ${m('apply.line', { n: i + 1 })}`}
                          >
                            {m('apply.removeLine')}
                          </Button>
                        </Form.Item>
                      </Col>
                    </Row>
                  </fieldset>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined aria-hidden="true" />}
                  onClick={() => add({})}
                  disabled={lines.length >= 50}
                >
                  {m('apply.addLine')}
                </Button>
              </>
            )}
          </Form.List>
        </Card>

        <Card className="sw-block" title={<h2 className="sw-card-heading">{m('apply.scanSection')}</h2>}>
          {CERT_ATTACHMENTS.map((rule) => (
            <DraftAttachmentSlot
              key={rule.slot}
              serviceCode="cert-review"
              rule={rule}
              draftId={draft.application?.id ?? draftId}
              ensureDraft={() => draft.flush(formOf(form.getFieldsValue(true)))}
            />
          ))}
        </Card>

        <Space className="sw-block">
          <Button type="primary" size="large" htmlType="submit" loading={submitting}>
            {submitting ? m('apply.submitting') : m('apply.submit')}
          </Button>
          <LinkButton size="large" to="/apps/cert-review/records">
            {m('apply.backToList')}
          </LinkButton>
        </Space>
      </Form>
    </>
  );
}

/** `/apps/cert-review/apply` — 添加证书 / 填写证书信息 (002 §3.1–3.2), `?draft=` to continue one. */
export function ApplyPage() {
  const m = useMessages();
  const [params] = useSearchParams();
  const draftId = params.get('draft');
  return (
    <SessionGate>
      {(session) => (
        <div className="sw-container">
          <p className="sw-muted sw-cr-breadcrumb">{m('breadcrumb')}</p>
          <SimulatorNote />
          {session.account.kind === 'enterprise_operator' ? (
            // a new draft id in the address keeps the same form (no remount)
            <ApplyForm draftId={draftId} />
          ) : (
            <Alert type="warning" showIcon title={m('apply.notOperator')} />
          )}
        </div>
      )}
    </SessionGate>
  );
}
