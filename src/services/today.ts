/** Today's date (YYYY-MM-DD) in the Netherlands: the "today" of expired forecasts (src/domain/forecast-expired.ts). */
export function todayInNetherlands(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(now);
}
