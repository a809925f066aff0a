export const formViewEn = {
  reveal: 'Show in full',
  revealLabel: 'Show in full: {{label}}',
  revealTitle: 'Show in full: {{label}}',
  revealNotice:
    'Personal data is shown masked. Showing it in full records your account, the time and your reason; it shows on this page only.',
  reason: 'Reason',
  reasonRequired: 'Give a reason (at least 2 characters)',
  revealConfirm: 'Show',
} as const;
