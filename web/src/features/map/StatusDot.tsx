/** The legend symbol of a project point of one status, as the maps draw it (without loading the map code). */
import { LegendSymbol } from '../../components/LegendSymbol.tsx';
import type { StatusColour } from '../../labels.ts';
import { STATUS_POINT_COLOURS } from './mapColours.ts';

export function StatusDot({ status }: { status: StatusColour }) {
  return (
    <LegendSymbol>
      <circle cx="10" cy="10" r="7" fill={STATUS_POINT_COLOURS[status]} stroke="#fff" strokeWidth="2" />
    </LegendSymbol>
  );
}
