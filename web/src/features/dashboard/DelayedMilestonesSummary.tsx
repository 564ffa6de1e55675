/** The sentence above the delayed milestones, on the Tafeloverzicht and in the Tafelrapport. */
import type { Dashboard } from '../../api/types.ts';
import { formatCount, formatNumber } from '../../labels.ts';
import { Paragraph } from '../../components/Paragraph.tsx';

/** How many milestones lie beyond the margin behind their baseline, and how many of them seriously. */
export function DelayedMilestonesSummary({ dashboard }: { dashboard: Dashboard }) {
  const { count, serious } = dashboard.summary.delayedMilestones;
  return (
    <Paragraph>
      {formatCount(count, 'mijlpaal ligt', 'mijlpalen liggen')} meer dan de toegestane marge achter op de basisplanning, waarvan{' '}
      {formatNumber(serious)} ernstig.
    </Paragraph>
  );
}
