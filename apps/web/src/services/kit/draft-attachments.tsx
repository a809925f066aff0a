import type { ApplicationDetail, AttachmentRuleContract, UploadedFile } from '@sw/contracts';
import { App, Form } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { AttachmentUpload } from '../../components/upload/attachment-upload';
import { useLocale } from '../../hooks/use-locale';
import { describeError } from '../../lib/api-client';
import { applications } from './api';

type Props = {
  serviceCode: string;
  rule: AttachmentRuleContract;
  /** the draft, created if need be, before the first file is attached */
  ensureDraft: () => Promise<ApplicationDetail>;
  /** the draft as loaded (its files fill the slot) */
  draftId: string | null;
};

/**
 * One attachment slot of a draft (the apply kit): files upload with progress, are attached to
 * the server-side draft as soon as they arrive and detached when removed. The slot is the form
 * field `['attachments', slot]`, so a submission's `attachments.<slot>` error shows beside it.
 */
export function DraftAttachmentSlot({ serviceCode, rule, ensureDraft, draftId }: Props) {
  const locale = useLocale();
  const { message } = App.useApp();
  const form = Form.useFormInstance();
  const name = useMemo(() => ['attachments', rule.slot], [rule.slot]);
  // the draft this page opened with (a reload, or 「我的申请」 → 继续填写): its files fill the slot once;
  // a draft created here while attaching starts with what this page attached
  const openedWith = useRef(draftId);
  /** the files the draft holds (Form.Item has set the new value before onChange runs) */
  const attached = useRef(new Set<string>());
  const loaded = useRef(false);
  useEffect(() => {
    const id = openedWith.current;
    if (!id || loaded.current) return;
    loaded.current = true;
    void applications.attachments(id).then((view) => {
      const slot = view.slots.find((s) => s.slot === rule.slot);
      const local = (form.getFieldValue(name) as UploadedFile[] | undefined) ?? [];
      if (slot && local.length === 0) {
        for (const file of slot.files) attached.current.add(file.id);
        form.setFieldValue(name, slot.files);
      }
    });
  }, [form, rule.slot, name]);

  const onChange = async (files: UploadedFile[]) => {
    const added = files.filter((file) => !attached.current.has(file.id));
    if (added.length === 0) return;
    for (const file of added) attached.current.add(file.id);
    try {
      const draft = await ensureDraft();
      for (const file of added) await applications.attach(draft.id, rule.slot, file.id);
      form.setFields([{ name, errors: [] }]);
    } catch (error) {
      for (const file of added) attached.current.delete(file.id);
      void message.error(describeError(error));
    }
  };

  const label = rule.name[locale];
  return (
    <Form.Item name={name} label={label} required={rule.required === true} valuePropName="value">
      <AttachmentUpload
        service={serviceCode}
        slot={rule.slot}
        accept={rule.types}
        maxBytes={rule.maxBytes}
        maxCount={rule.maxCount}
        label={label}
        onChange={(files) => void onChange(files)}
        onRemove={async (file) => {
          const draft = await ensureDraft();
          await applications.detach(draft.id, file.id);
          attached.current.delete(file.id);
        }}
      />
    </Form.Item>
  );
}
