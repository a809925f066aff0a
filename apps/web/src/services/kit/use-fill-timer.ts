import { useEffect, useState } from 'react';

/**
 * The apply kit's time-limit warning, for a service whose form must be filled within a time
 * (001 §2.3.1.1: 请在 30 分钟内填完本表): minutes since the form was opened, ticking every 15
 * seconds, and whether the warning and the limit have been reached. `onWarn` runs once, when the
 * warning time comes.
 */
export function useFillTimer(opts: {
  active: boolean;
  limitMinutes: number;
  warnMinutes: number;
  onWarn: () => void;
}) {
  const { active, limitMinutes, warnMinutes, onWarn } = opts;
  const [startedAt] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  const [warned, setWarned] = useState(false);

  useEffect(() => {
    if (!active) return;
    const id = window.setInterval(() => setNow(Date.now()), 15_000);
    return () => window.clearInterval(id);
  }, [active]);

  const elapsedMinutes = Math.floor((now - startedAt) / 60_000);
  const isWarning = elapsedMinutes >= warnMinutes;
  const isOver = elapsedMinutes >= limitMinutes;

  useEffect(() => {
    if (active && isWarning && !warned) {
      setWarned(true);
      onWarn();
    }
  }, [active, isWarning, warned, onWarn]);

  return { elapsedMinutes, remainingMinutes: Math.max(limitMinutes - elapsedMinutes, 0), isWarning, isOver };
}
