import type { Db } from '../../db/client.ts';
import { getAccountById } from '../identity/index.ts';
import { countLiveCards } from './pki.repo.ts';

const ADMIN_KINDS = new Set(['enterprise_admin', 'institution_admin', 'overseas']);

/**
 * May this administrator modify or delete this operator? (seed 004 重要提醒 and §3.2 小提示:
 * 在操作员绑定 IC 卡成功、管理员未绑定 IC 卡的情况下，管理员不可对其所有的操作员进行修改或删除操作.)
 * False when the accounts are not an administrator and an operator of the same organization, and
 * while the operator holds a card (not revoked) that the administrator cannot match with one of its own.
 */
export async function mayAdministratorModifyOperator(
  db: Db,
  adminId: string,
  operatorId: string,
): Promise<boolean> {
  const [admin, operator] = await Promise.all([getAccountById(db, adminId), getAccountById(db, operatorId)]);
  if (!admin || !operator) return false;
  if (!ADMIN_KINDS.has(admin.kind) || operator.kind !== 'enterprise_operator') return false;
  if (!admin.organizationId || admin.organizationId !== operator.organizationId) return false;
  const live = await countLiveCards(db, [admin.id, operator.id]);
  const operatorHasCard = (live.get(operator.id) ?? 0) > 0;
  const adminHasCard = (live.get(admin.id) ?? 0) > 0;
  return !operatorHasCard || adminHasCard;
}
