import { VisuallyHidden } from './VisuallyHidden.tsx';
/** Marks a synthetic (generated) project wherever it is shown. */
export function DemoBadge() {
  return (
    <span className="wbm-demo-badge" title="Verzonnen demoproject, geen echt project">
      Demo<VisuallyHidden> (verzonnen project)</VisuallyHidden>
    </span>
  );
}
