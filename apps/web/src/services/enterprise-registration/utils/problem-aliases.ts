import type { RegistrationType } from '../../../../../server/src/modules/services/enterprise-registration/contract.ts';

/**
 * Where the server's field paths show in the form: 省市区 is one cascader, the organization code
 * of a 三证合一 enterprise is part of its credit code, and an attachment named by its index in the
 * request belongs to its slot's upload field.
 */
export function problemAliases(
  type: RegistrationType,
  attachments: readonly { slot: string }[],
): Record<string, string> {
  const aliases: Record<string, string> = {
    'form.province': 'form.region',
    'form.city': 'form.region',
    'form.district': 'form.region',
  };
  if (type === 'unified') aliases['form.orgCode'] = 'form.creditCode';
  attachments.forEach((item, i) => {
    for (const suffix of ['', '.fileId', '.uploadToken', '.slot'])
      aliases[`attachments.${i}${suffix}`] = `attachments.${item.slot}`;
  });
  return aliases;
}
