/** Today's date (YYYY-MM-DD) in the Netherlands: the "today" of expired forecasts (src/domain/forecast-expired.ts). */
import { dateInNetherlands } from '../domain/plausibility.ts';

export function todayInNetherlands(now: Date = new Date()): string {
  return dateInNetherlands(now);
}
