import type { UploadedFile } from '@sw/contracts';
import { Form } from 'antd';
import {
  REGISTRATION_ATTACHMENT_MAX_BYTES,
  REGISTRATION_ATTACHMENT_TYPES,
  type RegistrationType,
} from '../../../../../server/src/modules/services/enterprise-registration/contract.ts';
import { AttachmentUpload } from '../../../components/upload/attachment-upload';
import { useLocale } from '../../../hooks/use-locale';
import { discardUpload } from '../api/enterprise-review';
import { useMessages } from '../messages';
import { isSlotRequired, offeredSlots } from '../utils/form-model';
import { SectionTitle } from './form-sections';

/**
 * Removing a file: a new upload is deleted with its token; a file the application already holds
 * (a correction) is only left out of the list, which the resubmission then drops.
 */
function removeUpload(file: UploadedFile) {
  if (file.uploadToken) return discardUpload(file.id, file.uploadToken);
}

/**
 * 注册资料 (001 图 7 / 图 11): the slots of the registration type, required ones starred
 * (三证合一: 统一社会信用代码证; otherwise 营业执照 and 组织机构代码证). Files are uploaded at once,
 * anonymously; each keeps its upload token for the submission (and in the draft).
 */
export function AttachmentsSection({ type }: { type: RegistrationType }) {
  const m = useMessages();
  const locale = useLocale();
  return (
    <section aria-labelledby="er-attachments">
      <SectionTitle>
        <span id="er-attachments">{m('sections.attachments')}</span>
      </SectionTitle>
      <p className="sw-muted">{m('attachments.hint')}</p>
      {offeredSlots(type).map((rule) => {
        const required = isSlotRequired(rule, type);
        const slotName = rule.name[locale];
        return (
          <Form.Item
            key={rule.slot}
            name={['attachments', rule.slot]}
            label={slotName}
            required={required}
            className="sw-er-slot"
            rules={[
              {
                validator: async (_, value: UploadedFile[] | undefined) => {
                  const count = value?.length ?? 0;
                  if (required && count === 0) throw new Error(m('attachments.required', { slot: slotName }));
                  if (count > rule.maxCount)
                    throw new Error(m('attachments.tooMany', { slot: slotName, count: rule.maxCount }));
                },
              },
            ]}
          >
            <AttachmentUpload
              service="enterprise-registration"
              slot={rule.slot}
              accept={REGISTRATION_ATTACHMENT_TYPES}
              maxBytes={REGISTRATION_ATTACHMENT_MAX_BYTES}
              maxCount={rule.maxCount}
              anonymous
              label={slotName}
              onRemove={removeUpload}
            />
          </Form.Item>
        );
      })}
    </section>
  );
}
