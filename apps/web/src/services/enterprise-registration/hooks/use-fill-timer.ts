import { useEffect, useState } from 'react';

/** Seed 001 §2.3.1.1: 请在 30 分钟内填完本表. */
export const FILL_LIMIT_MINUTES = 30;
/** When the applicant is warned. */
export const FILL_WARNING_MINUTES = 25;

/**
 * Minutes since the form was opened, ticking every 15 seconds, and whether the warning (25
 * minutes) and the limit (30) have been reached. `onWarn` runs once when the warning time comes.
 */
export function useFillTimer(active: boolean, onWarn: () => void) {
  const [startedAt] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  const [warned, setWarned] = useState(false);

  useEffect(() => {
    if (!active) return;
    const id = window.setInterval(() => setNow(Date.now()), 15_000);
    return () => window.clearInterval(id);
  }, [active]);

  const elapsedMinutes = Math.floor((now - startedAt) / 60_000);
  const isWarning = elapsedMinutes >= FILL_WARNING_MINUTES;
  const isOver = elapsedMinutes >= FILL_LIMIT_MINUTES;

  useEffect(() => {
    if (active && isWarning && !warned) {
      setWarned(true);
      onWarn();
    }
  }, [active, isWarning, warned, onWarn]);

  return {
    elapsedMinutes,
    remainingMinutes: Math.max(FILL_LIMIT_MINUTES - elapsedMinutes, 0),
    isWarning,
    isOver,
  };
}
