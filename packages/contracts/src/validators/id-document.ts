import type { IdType } from '../enums.ts';
import { isValidHkId } from './hk-id.ts';
import {
  isValidForeignPermanentResidentId,
  isValidHkMacaoPermit,
  isValidPassport,
  isValidTaiwanPermit,
} from './permits.ts';
import { isValidResidentId } from './resident-id.ts';

/** Whether `value` is a well-formed number (with check digit where one exists) for the document type. */
export function isValidIdNumber(idType: IdType, value: string): boolean {
  switch (idType) {
    case 'resident_id':
      return isValidResidentId(value);
    case 'passport':
      return isValidPassport(value);
    case 'hk_macao_permit':
      return isValidHkMacaoPermit(value);
    case 'taiwan_permit':
      return isValidTaiwanPermit(value);
    case 'foreign_permanent_resident':
      return isValidForeignPermanentResidentId(value);
    case 'hk_identity_card':
      return isValidHkId(value);
    default: {
      const unreachable: never = idType;
      throw new Error(`unknown id type ${String(unreachable)}`);
    }
  }
}
