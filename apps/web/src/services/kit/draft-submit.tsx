import type { ApplicationDetail } from '@sw/contracts';
import { App, type FormInstance } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { describeError, isApiError } from '../../lib/api-client';
import { applications } from './api';
import { defineMessages } from './messages';
import { applyFormProblem } from './problem';
import type { DraftSaveState } from './use-server-draft';

const { useMessages } = defineMessages({
  'zh-CN': {
    saving: '正在保存草稿…',
    saved: '草稿已自动保存（{{time}}）',
    saveFailed: '草稿保存失败，请检查网络',
  },
  'zh-HK': {
    saving: '正在儲存草稿…',
    saved: '草稿已自動儲存（{{time}}）',
    saveFailed: '草稿儲存失敗，請檢查網絡',
  },
  en: {
    saving: 'Saving the draft…',
    saved: 'Draft saved ({{time}})',
    saveFailed: 'The draft could not be saved: check your connection',
  },
});

/** Where a draft saved as it is typed stands (PageTitle's `extra` of an apply page), announced politely. */
export function DraftSaveStatus({ draft }: { draft: { state: DraftSaveState; savedAt: Date | null } }) {
  const m = useMessages();
  const text =
    draft.state === 'saving'
      ? m('saving')
      : draft.state === 'saved' && draft.savedAt
        ? m('saved', { time: dayjs(draft.savedAt).format('HH:mm:ss') })
        : draft.state === 'error'
          ? m('saveFailed')
          : '';
  return (
    <span className="sw-muted" aria-live="polite">
      {text}
    </span>
  );
}

/**
 * An apply page's 【提交】: the form checked, the draft saved with it and submitted; the server's
 * field errors go next to their fields, anything else to a message. `submitted` is the receipt's.
 */
export function useDraftSubmit<V>(
  form: FormInstance<V>,
  draft: { flush: (form: Record<string, unknown>) => Promise<ApplicationDetail> },
  formOf: (values: V) => Record<string, unknown>,
) {
  const { message } = App.useApp();
  const [submitting, setSubmitting] = useState(false);
  const [submitted, setSubmitted] = useState<ApplicationDetail | null>(null);
  const submit = async () => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSubmitting(true);
    try {
      const saved = await draft.flush(formOf(values));
      setSubmitted(await applications.submit(saved.id, saved.version));
    } catch (error) {
      if (!(isApiError(error) && applyFormProblem(form, error.problem)))
        void message.error(describeError(error));
    } finally {
      setSubmitting(false);
    }
  };
  return { submit, submitting, submitted };
}
