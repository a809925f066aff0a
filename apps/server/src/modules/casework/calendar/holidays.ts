import type { DayKind } from './working-days.ts';

/**
 * The public holidays and make-up workdays (调休上班) preloaded for 2025–2027. The migration
 * `0004_working_day_calendar.sql` seeds exactly these rows (a unit test keeps the two equal);
 * platform admins edit them in the console afterwards. Days not listed follow the weekday rule.
 *
 * Sources:
 * - 2025: 《国务院办公厅关于2025年部分节假日安排的通知》(国办发明电〔2024〕12号, 2024-11-12),
 *   the first arrangement under the 《全国年节及纪念日放假办法》 as revised in November 2024
 *   (春节 and 劳动节 one day longer each).
 * - 2026: 《国务院办公厅关于2026年部分节假日安排的通知》(2025-11-04, published by 新华社).
 * - 2027: PROVISIONAL — no notice was available when this was written (the State Council
 *   publishes it in November or December of the year before). Only the statutory days of the
 *   2024 revised 放假办法 art. 2 are entered, on their 2027 dates: 元旦 Jan 1; 春节 除夕 to
 *   初三 (Feb 5–8; 初一 is Feb 6, the new moon falling at 23:56 Beijing time); 清明 Apr 5 (the
 *   solar term); 劳动节 May 1–2; 端午 (五月初五) Jun 9; 中秋 (八月十五) Sep 15; 国庆节 Oct 1–3.
 *   No 调休 days and no 补假 for statutory days that fall on a weekend (art. 6) — those come
 *   only with the notice. Until then due dates in 2027 err early (fewer days off), never late.
 *   Edit 2027 in the console when the notice is published; confirming a day clears its
 *   `provisional` mark.
 */
export type CalendarSeedDay = { date: string; kind: DayKind; name: string };
export type CalendarSeedYear = {
  year: number;
  provisional: boolean;
  source: string;
  days: CalendarSeedDay[];
};

/** Consecutive days `from`…`to` (inclusive, same year) of one kind. */
function span(from: string, to: string, kind: DayKind, name: string): CalendarSeedDay[] {
  const out: CalendarSeedDay[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end; t += 86_400_000) {
    out.push({ date: new Date(t).toISOString().slice(0, 10), kind, name });
  }
  return out;
}

const off = (from: string, to: string, name: string) => span(from, to, 'holiday', name);
const on = (date: string, name: string): CalendarSeedDay => ({ date, kind: 'workday', name });

export const CALENDAR_SEED: readonly CalendarSeedYear[] = [
  {
    year: 2025,
    provisional: false,
    source: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）',
    days: [
      // 一、元旦：1月1日（周三）放假1天，不调休。
      ...off('2025-01-01', '2025-01-01', '元旦'),
      // 二、春节：1月28日（除夕、周二）至2月4日（初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
      on('2025-01-26', '春节'),
      ...off('2025-01-28', '2025-02-04', '春节'),
      on('2025-02-08', '春节'),
      // 三、清明节：4月4日（周五）至6日（周日）放假，共3天。
      ...off('2025-04-04', '2025-04-06', '清明节'),
      // 四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
      on('2025-04-27', '劳动节'),
      ...off('2025-05-01', '2025-05-05', '劳动节'),
      // 五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
      ...off('2025-05-31', '2025-06-02', '端午节'),
      // 六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。
      on('2025-09-28', '国庆节、中秋节'),
      ...off('2025-10-01', '2025-10-08', '国庆节、中秋节'),
      on('2025-10-11', '国庆节、中秋节'),
    ],
  },
  {
    year: 2026,
    provisional: false,
    source: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）',
    days: [
      // 一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
      ...off('2026-01-01', '2026-01-03', '元旦'),
      on('2026-01-04', '元旦'),
      // 二、春节：2月15日（腊月二十八、周日）至23日（正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
      on('2026-02-14', '春节'),
      ...off('2026-02-15', '2026-02-23', '春节'),
      on('2026-02-28', '春节'),
      // 三、清明节：4月4日（周六）至6日（周一）放假，共3天。
      ...off('2026-04-04', '2026-04-06', '清明节'),
      // 四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
      ...off('2026-05-01', '2026-05-05', '劳动节'),
      on('2026-05-09', '劳动节'),
      // 五、端午节：6月19日（周五）至21日（周日）放假，共3天。
      ...off('2026-06-19', '2026-06-21', '端午节'),
      // 六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
      ...off('2026-09-25', '2026-09-27', '中秋节'),
      // 七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
      on('2026-09-20', '国庆节'),
      ...off('2026-10-01', '2026-10-07', '国庆节'),
      on('2026-10-10', '国庆节'),
    ],
  },
  {
    year: 2027,
    provisional: true,
    source: '《全国年节及纪念日放假办法》（2024年修订）第二条法定假日；待国务院办公厅通知发布后在控制台修订',
    days: [
      ...off('2027-01-01', '2027-01-01', '元旦'),
      // 除夕 Feb 5 (腊月廿九: this 腊月 has 29 days), 初一 Feb 6, 初二 Feb 7, 初三 Feb 8
      ...off('2027-02-05', '2027-02-08', '春节'),
      ...off('2027-04-05', '2027-04-05', '清明节'),
      ...off('2027-05-01', '2027-05-02', '劳动节'),
      ...off('2027-06-09', '2027-06-09', '端午节'),
      ...off('2027-09-15', '2027-09-15', '中秋节'),
      ...off('2027-10-01', '2027-10-03', '国庆节'),
    ],
  },
];
