/** Point colours per status, apart from the map code so legends can use them without loading maplibre. */
import type { StatusColour } from '../../labels.ts';

/** Each also differs in lightness, and every legend names the status in words. */
export const STATUS_POINT_COLOURS: Record<StatusColour, string> = { groen: '#2e7d0a', oranje: '#e17000', rood: '#c0101a' };
