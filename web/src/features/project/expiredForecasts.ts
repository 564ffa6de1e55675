/**
 * Expired forecasts on the project page: the rule is the domain's (src/domain/forecast-expired.ts);
 * "today" is the date in the Netherlands, as the server counts it.
 */
export function todayInNetherlands(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(now);
}
