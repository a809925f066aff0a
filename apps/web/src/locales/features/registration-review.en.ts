export const registrationReviewEn = {
  card: {
    title: 'Enterprise registration',
    description:
      'For enterprises with or without a unified credit code, and government or public institutions. The platform reviews it within 2 working days and e-mails the result to the administrator.',
    action: 'Register an enterprise',
  },
  signIn: {
    underReview:
      'You can sign in once the registration is approved; the result will be e-mailed to the administrator’s address.',
    returned:
      'Please open the e-mail that returned the registration and follow its link to correct and resubmit it.',
  },
} as const;
