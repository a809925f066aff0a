import { Alert, App, Button, Card, Form, Popconfirm, Radio, Space, Steps } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  EnterpriseRegistrationForm,
  type EnterpriseRegistrationSubmitted,
  REGISTRATION_TYPE_NAMES,
  REGISTRATION_TYPES,
  type RegistrationType,
  type SubmitEnterpriseRegistrationInput,
} from '../../../../../server/src/modules/services/enterprise-registration/contract.ts';
import { CaptchaInput } from '../../../components/captcha/captcha-input';
import { useCaptcha } from '../../../components/captcha/use-captcha';
import { useLocale } from '../../../hooks/use-locale';
import { applyProblemToForm, describeError, isApiError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { useFillTimer } from '../../kit/use-fill-timer';
import { discardUpload, useSubmitEnterpriseRegistration } from '../api/enterprise-review';
import { useFormDraft } from '../hooks/use-form-draft';
import { useMessages } from '../messages';
import {
  type AttachmentValues,
  schemaErrors,
  stripSecrets,
  toFormBody,
  toUploadsBody,
  type UiValues,
} from '../utils/form-model';
import { problemAliases } from '../utils/problem-aliases';
import { AttachmentsSection } from './attachments-section';
import { AdminSection, BasicSection, ContactsSection, SectionTitle, useSchemaRules } from './form-sections';
import { OrgTakenAlert } from './org-taken-alert';
import { SubmittedResult } from './submitted-result';

export const DRAFT_KEY = 'sw.enterpriseReview.draft';
const TERMS = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'] as const;

function ReviewSteps({ current }: { current: number }) {
  const m = useMessages();
  return (
    <Steps
      className="sw-steps"
      current={current}
      items={[{ title: m('steps.terms') }, { title: m('steps.form') }, { title: m('steps.submitted') }]}
    />
  );
}

/** Seed 001 §2.3.1.1: 请在 30 分钟内填完本表; warned at 25 minutes. */
const FILL_LIMIT_MINUTES = 30;
const FILL_WARNING_MINUTES = 25;
/** 服务条款 and 注册类型 (001 §2.3, 图 3): read, choose the type, 「同意」. */
function TermsStep({
  type,
  hasDraft,
  onAgree,
}: {
  type: RegistrationType | undefined;
  hasDraft: boolean;
  onAgree: (type: RegistrationType) => void;
}) {
  const m = useMessages();
  const locale = useLocale();
  const [chosen, setChosen] = useState<RegistrationType | undefined>(type);
  return (
    <>
      {hasDraft ? <Alert type="info" showIcon className="sw-block" title={m('terms.draftWaiting')} /> : null}
      <SectionTitle>
        <span id="er-terms">{m('terms.title')}</span>
      </SectionTitle>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard */}
      <section className="sw-er-terms" aria-labelledby="er-terms" tabIndex={0}>
        {TERMS.map((key) => (
          <p key={key}>{m(`terms.${key}`)}</p>
        ))}
      </section>
      <SectionTitle>
        <span id="er-type">{m('terms.typeTitle')}</span>
      </SectionTitle>
      <Radio.Group
        aria-labelledby="er-type"
        className="sw-er-types"
        value={chosen}
        onChange={(e) => setChosen(e.target.value as RegistrationType)}
        options={REGISTRATION_TYPES.map((value) => ({
          value,
          label: (
            <span>
              <strong>{REGISTRATION_TYPE_NAMES[value][locale]}</strong>
              <span className="sw-er-types__hint">{m(`terms.typeHint.${value}`)}</span>
            </span>
          ),
        }))}
      />
      <div className="sw-er-actions">
        <Space wrap>
          <Button type="primary" size="large" disabled={!chosen} onClick={() => chosen && onAgree(chosen)}>
            {m('terms.agree')}
          </Button>
          <Link to="/register">{m('terms.disagree')}</Link>
        </Space>
        {chosen ? null : <p className="sw-muted">{m('terms.chooseFirst')}</p>}
      </div>
    </>
  );
}

function emptyForm(type: RegistrationType): UiValues['form'] {
  return {
    registrationType: type,
    contacts: [{ idType: 'resident_id' }, { idType: 'resident_id' }, { idType: 'resident_id' }],
  };
}

/** Every anonymous upload still in a draft (to discard them with it). */
function uploadsOf(attachments: AttachmentValues | undefined) {
  return Object.values(attachments ?? {}).flatMap((items) => items ?? []);
}

/** The 001 form in one page: 基本信息, 联系方式, 管理员账户信息, 注册资料, 验证码, 提交. */
function RegistrationForm({
  type,
  initial,
  restoredAt,
  draft,
  onValues,
  onCleared,
  onChangeType,
  onSubmitted,
}: {
  type: RegistrationType;
  /** what was typed before (this visit, or the stored draft) */
  initial: UiValues | null;
  /** when the restored draft was saved; null when nothing was restored */
  restoredAt: string | null;
  draft: ReturnType<typeof useFormDraft<UiValues>>;
  onValues: (values: UiValues) => void;
  /** 「清除草稿」: the stored draft is gone and the form starts empty */
  onCleared: () => void;
  onChangeType: () => void;
  onSubmitted: (receipt: EnterpriseRegistrationSubmitted) => void;
}) {
  const { t } = useTranslation();
  const m = useMessages();
  const locale = useLocale();
  const { notification } = App.useApp();
  const [form] = Form.useForm<UiValues>();
  const captcha = useCaptcha('enterprise-review');
  const submit = useSubmitEnterpriseRegistration();
  const [orgTaken, setOrgTaken] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [showRestored, setShowRestored] = useState(restoredAt !== null);
  const rule = useSchemaRules(form, EnterpriseRegistrationForm, true);

  const warn = useCallback(() => {
    notification.warning({
      key: 'er-timer',
      title: m('timer.warnTitle', { minutes: FILL_WARNING_MINUTES }),
      description: m('timer.warnText', { limit: FILL_LIMIT_MINUTES }),
      duration: 0,
      placement: 'topRight',
    });
  }, [notification, m]);
  const timer = useFillTimer({
    active: true,
    limitMinutes: FILL_LIMIT_MINUTES,
    warnMinutes: FILL_WARNING_MINUTES,
    onWarn: warn,
  });

  // what the form opens with; later saves must not reset it
  const [initialValues] = useState<UiValues>(() => ({
    form: { ...emptyForm(type), ...initial?.form, registrationType: type },
    attachments: initial?.attachments ?? {},
  }));

  const saveDraft = () => onValues(form.getFieldsValue(true) as UiValues);

  const clearDraft = () => {
    const values = form.getFieldsValue(true) as UiValues;
    for (const item of uploadsOf(values.attachments))
      if (item.uploadToken) void discardUpload(item.id, item.uploadToken);
    notification.destroy('er-timer');
    onCleared();
  };

  const onFinish = () => {
    const values = form.getFieldsValue(true) as UiValues;
    setFailure(null);
    setOrgTaken(false);
    if (!captcha.captcha) {
      captcha.refresh();
      return;
    }
    const formBody = toFormBody(values.form, true);
    const errors = schemaErrors(EnterpriseRegistrationForm, formBody, locale);
    if (errors.size > 0) {
      const fields = [...errors.values()];
      form.setFields(fields as Parameters<typeof form.setFields>[0]);
      form.scrollToField(fields[0]!.name, { block: 'center' });
      return;
    }
    const attachments = toUploadsBody(values.attachments, type);
    submit.mutate(
      {
        form: formBody as SubmitEnterpriseRegistrationInput['form'],
        attachments,
        captchaId: captcha.captcha.id,
        captchaAnswer: (values.captchaAnswer ?? '').trim(),
      },
      {
        onSuccess: (receipt) => {
          draft.clear();
          notification.destroy('er-timer');
          onSubmitted(receipt);
          window.scrollTo({ top: 0 });
        },
        onError: (error) => {
          captcha.refresh();
          form.setFieldValue('captchaAnswer', '');
          if (!isApiError(error)) {
            setFailure(describeError(error, locale));
            return;
          }
          const taken = error.code === 'account.org_code_taken' || error.code === 'account.credit_code_taken';
          if (taken) setOrgTaken(true);
          const onField = applyProblemToForm(form, error.problem, locale, {
            aliases: problemAliases(type, attachments),
            codeFields: {
              'captcha.invalid': 'captchaAnswer',
              'account.username_taken': 'form.admin.username',
              'account.org_code_taken': type === 'unified' ? 'form.creditCode' : 'form.orgCode',
              'account.credit_code_taken': 'form.creditCode',
            },
          });
          if (taken) {
            window.scrollTo({ top: 0, behavior: 'smooth' });
            return;
          }
          if (onField) {
            const first = form.getFieldsError().find((f) => f.errors.length > 0);
            if (first) form.scrollToField(first.name, { block: 'center' });
          } else {
            setFailure(describeError(error, locale));
            window.scrollTo({ top: 0, behavior: 'smooth' });
          }
        },
      },
    );
  };

  return (
    <Form<UiValues>
      form={form}
      name="enterprise-review"
      className="sw-er-form"
      layout="vertical"
      initialValues={initialValues}
      onValuesChange={saveDraft}
      onFinish={onFinish}
      onFinishFailed={({ errorFields }) => {
        if (errorFields[0]) form.scrollToField(errorFields[0].name, { block: 'center' });
      }}
      disabled={submit.isPending}
      scrollToFirstError={false}
    >
      <div className="sw-er-type-line">
        <span>
          {m('form.typeLabel')}
          <strong>{REGISTRATION_TYPE_NAMES[type][locale]}</strong>
        </span>
        <Button type="link" className="sw-inline-link" onClick={onChangeType}>
          {m('form.changeType')}
        </Button>
      </div>
      {orgTaken ? <OrgTakenAlert /> : null}
      {failure ? <Alert type="error" showIcon role="alert" className="sw-block" title={failure} /> : null}
      <Alert
        type="info"
        showIcon
        className="sw-block"
        title={m('form.noticeTitle', { limit: FILL_LIMIT_MINUTES })}
        description={
          <ul className="sw-er-notice">
            <li>{m('form.notice1', { limit: FILL_LIMIT_MINUTES })}</li>
            <li>{m('form.notice2')}</li>
            <li>{m('form.notice3')}</li>
          </ul>
        }
      />
      {timer.isWarning ? (
        <Alert
          type="warning"
          showIcon
          role="status"
          className="sw-block"
          data-testid="fill-timer-warning"
          title={
            timer.isOver
              ? m('timer.overTitle', { limit: FILL_LIMIT_MINUTES })
              : m('timer.remaining', { minutes: timer.remainingMinutes })
          }
          description={m('timer.warnText', { limit: FILL_LIMIT_MINUTES })}
        />
      ) : null}
      {showRestored && restoredAt ? (
        <Alert
          type="success"
          showIcon
          className="sw-block"
          data-testid="draft-restored"
          closable={{ onClose: () => setShowRestored(false), 'aria-label': t('common.close') }}
          title={m('draft.restored', { time: formatDateTime(restoredAt) })}
          description={m('draft.restoredHint')}
          action={
            <Popconfirm
              title={m('draft.clearConfirm')}
              okText={m('draft.clear')}
              cancelText={t('common.cancel')}
              onConfirm={clearDraft}
            >
              <Button size="small">{m('draft.clear')}</Button>
            </Popconfirm>
          }
        />
      ) : null}
      <BasicSection type={type} rule={rule} />
      <ContactsSection rule={rule} />
      <AdminSection rule={rule} />
      <AttachmentsSection type={type} />
      <SectionTitle>{m('sections.submit')}</SectionTitle>
      <Form.Item
        name="captchaAnswer"
        label={t('captcha.label')}
        required
        rules={[{ required: true, whitespace: true, message: t('captcha.placeholder') }]}
        className="sw-er-captcha"
      >
        <CaptchaInput state={captcha} />
      </Form.Item>
      <div className="sw-er-actions">
        <Space wrap>
          <Button type="primary" htmlType="submit" size="large" loading={submit.isPending}>
            {m('form.submit')}
          </Button>
          <Popconfirm
            title={m('draft.clearConfirm')}
            okText={m('draft.clear')}
            cancelText={t('common.cancel')}
            onConfirm={clearDraft}
          >
            <Button size="large">{m('draft.clear')}</Button>
          </Popconfirm>
        </Space>
        <p className="sw-muted" aria-live="polite">
          {draft.savedAt ? m('draft.savedAt', { time: formatDateTime(draft.savedAt) }) : m('draft.autosave')}
        </p>
        <p className="sw-muted">{m('form.afterSubmit')}</p>
      </div>
    </Form>
  );
}

/**
 * `/register/enterprise` while 「注册需审核」 is on — 企业注册 with review (seed 001 §2.3): 服务条款 and
 * 注册类型, then the whole form; the draft lives in localStorage until it is submitted.
 */
export function EnterpriseReviewPage() {
  const m = useMessages();
  const draft = useFormDraft<UiValues>(DRAFT_KEY, stripSecrets);
  const [type, setType] = useState<RegistrationType | undefined>(
    draft.initial?.values.form?.registrationType,
  );
  const [step, setStep] = useState<0 | 1 | 2>(0);
  const [receipt, setReceipt] = useState<EnterpriseRegistrationSubmitted | null>(null);
  // the values of this visit, passwords included (the stored draft has none), kept across 更改注册类型
  const latest = useRef<UiValues | null>(null);
  const [formKey, setFormKey] = useState(0);

  return (
    <div className="sw-container sw-container--wide-form">
      <Card className="sw-form-card">
        <h1 className="sw-form-card__title">{m('title')}</h1>
        <ReviewSteps current={step} />
        {step === 0 ? (
          <TermsStep
            type={type}
            hasDraft={draft.initial !== null}
            onAgree={(chosen) => {
              setType(chosen);
              setStep(1);
              window.scrollTo({ top: 0 });
            }}
          />
        ) : step === 1 && type ? (
          <RegistrationForm
            key={formKey}
            type={type}
            initial={latest.current ?? draft.initial?.values ?? null}
            restoredAt={latest.current ? null : (draft.initial?.savedAt ?? null)}
            draft={draft}
            onValues={(values) => {
              latest.current = values;
              draft.save(values);
            }}
            onCleared={() => {
              draft.clear();
              latest.current = { form: emptyForm(type), attachments: {} };
              setFormKey((k) => k + 1);
            }}
            onChangeType={() => {
              draft.flush();
              setStep(0);
            }}
            onSubmitted={(r) => {
              setReceipt(r);
              setStep(2);
            }}
          />
        ) : receipt ? (
          <SubmittedResult receipt={receipt} />
        ) : null}
      </Card>
    </div>
  );
}
