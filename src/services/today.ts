/** Today's date (YYYY-MM-DD) in the Netherlands: the "today" of expired forecasts (src/domain/forecast-expired.ts). */
export function todayInNetherlands(now: Date = new Date()): string {
  return DUTCH_DATE.format(now);
}

/** Made once: a DateTimeFormat costs far more to make than to use (this runs on every dashboard request). */
const DUTCH_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' });
