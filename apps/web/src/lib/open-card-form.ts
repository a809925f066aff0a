import type { FormInstance } from 'antd';
import { CardFileError, type OpenedCard, openCardFile } from './card-media';
import { i18n } from './i18n';

/**
 * Opens the card picked in a form (fields `cardFile` and `pin`) and puts a wrong PIN or an
 * unreadable file next to its field. Null when it could not be opened.
 */
export async function openCardInForm(
  // biome-ignore lint/suspicious/noExplicitAny: any form holding the two card fields
  form: FormInstance<any>,
  file: File,
  pin: string,
): Promise<OpenedCard | null> {
  try {
    return await openCardFile(await file.arrayBuffer(), pin);
  } catch (error) {
    if (!(error instanceof CardFileError)) throw error;
    if (error.reason === 'wrong_pin') {
      form.setFields([{ name: 'pin', errors: [i18n.t('cards.media.wrongPin')] }]);
    } else {
      form.setFields([{ name: 'cardFile', errors: [i18n.t('cards.media.badFile')] }]);
    }
    return null;
  }
}
