import type { Dashboard } from '@sw/contracts';
import { and, count, gte, inArray, isNotNull, isNull, lt, ne, type SQL, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { applications } from '../../db/schema/casework.ts';
import { AppError } from '../../http/app-error.ts';
import type { StaffGrants } from '../identity/index.ts';
import { shanghaiDay } from './calendar/working-days.ts';
import { stateName } from './casework.presenter.ts';
import { visibleServices } from './casework.views.ts';
import { shanghaiDayStart } from './queue.repo.ts';
import { DRAFT_STATUS, findCaseworkService } from './service-definition.ts';

const DAY_MS = 86_400_000;
const MAX_DAYS = 366;

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** The Shanghai civil day of a timestamp column, in SQL (UTC+8, no daylight saving). */
function dayOf(column: typeof applications.submittedAt | typeof applications.decidedAt) {
  return sql<string>`to_char(${column} + interval '8 hours', 'YYYY-MM-DD')`;
}

/**
 * The console's figures over Shanghai days `from`…`to` (default: the last 30): applications
 * per status now, submitted and decided per day, and SLA compliance per service (decided by
 * the due date), for the services the viewer sees.
 */
export async function dashboard(
  ctx: AppContext,
  grants: StaffGrants,
  query: { from?: string; to?: string; service?: string },
): Promise<Dashboard> {
  const today = shanghaiDay(ctx.clock.now());
  const to = query.to ?? today;
  const from = query.from ?? addDays(to, -29);
  if (from > to || Date.parse(to) - Date.parse(from) > MAX_DAYS * DAY_MS)
    throw new AppError('request.validation_failed', {
      fieldErrors: [{ path: 'from', code: 'field.invalid' }],
    });
  const visible = visibleServices(grants);
  const scope: (SQL | undefined)[] = [ne(applications.status, DRAFT_STATUS)];
  if (visible) scope.push(visible.length ? inArray(applications.serviceCode, visible) : sql`false`);
  if (query.service) scope.push(sql`${applications.serviceCode} = ${query.service}`);
  const start = shanghaiDayStart(from);
  const end = shanghaiDayStart(addDays(to, 1));
  const now = ctx.clock.now();

  const [byStatus, submittedPerDay, decidedPerDay, sla, openFigures] = await Promise.all([
    ctx.db
      .select({ serviceCode: applications.serviceCode, status: applications.status, count: count() })
      .from(applications)
      .where(and(...scope))
      .groupBy(applications.serviceCode, applications.status),
    ctx.db
      .select({ day: dayOf(applications.submittedAt), count: count() })
      .from(applications)
      .where(and(...scope, gte(applications.submittedAt, start), lt(applications.submittedAt, end)))
      .groupBy(dayOf(applications.submittedAt)),
    ctx.db
      .select({ day: dayOf(applications.decidedAt), count: count() })
      .from(applications)
      .where(and(...scope, gte(applications.decidedAt, start), lt(applications.decidedAt, end)))
      .groupBy(dayOf(applications.decidedAt)),
    ctx.db
      .select({
        serviceCode: applications.serviceCode,
        decided:
          sql<number>`count(*) filter (where ${applications.decidedAt} >= ${start} and ${applications.decidedAt} < ${end})`.mapWith(
            Number,
          ),
        onTime:
          sql<number>`count(*) filter (where ${applications.decidedAt} >= ${start} and ${applications.decidedAt} < ${end} and ${applications.decidedAt} <= ${applications.dueAt})`.mapWith(
            Number,
          ),
        openOverdue:
          sql<number>`count(*) filter (where ${applications.decidedAt} is null and ${applications.dueAt} < ${now})`.mapWith(
            Number,
          ),
      })
      .from(applications)
      .where(and(...scope))
      .groupBy(applications.serviceCode),
    ctx.db
      .select({
        open: count(),
        overdue: sql<number>`count(*) filter (where ${applications.dueAt} < ${now})`.mapWith(Number),
        unassigned: sql<number>`count(*) filter (where ${applications.assigneeId} is null)`.mapWith(Number),
      })
      .from(applications)
      .where(and(...scope, isNull(applications.decidedAt), isNotNull(applications.submittedAt))),
  ]);

  const submitted = new Map(submittedPerDay.map((r) => [r.day, r.count]));
  const decided = new Map(decidedPerDay.map((r) => [r.day, r.count]));
  const perDay: Dashboard['perDay'] = [];
  for (let day = from; day <= to; day = addDays(day, 1))
    perDay.push({ day, submitted: submitted.get(day) ?? 0, decided: decided.get(day) ?? 0 });

  return {
    from,
    to,
    byStatus: byStatus.flatMap((r) => {
      const definition = findCaseworkService(r.serviceCode);
      return definition
        ? [
            {
              serviceCode: r.serviceCode,
              status: r.status,
              statusName: stateName(definition, r.status),
              count: r.count,
            },
          ]
        : [];
    }),
    perDay,
    sla: sla.flatMap((r) => {
      const definition = findCaseworkService(r.serviceCode);
      return definition
        ? [
            {
              serviceCode: r.serviceCode,
              serviceName: definition.name,
              decided: r.decided,
              onTime: r.onTime,
              rate: r.decided > 0 ? r.onTime / r.decided : null,
              openOverdue: r.openOverdue,
            },
          ]
        : [];
    }),
    open: openFigures[0]?.open ?? 0,
    overdue: openFigures[0]?.overdue ?? 0,
    unassigned: openFigures[0]?.unassigned ?? 0,
  };
}
