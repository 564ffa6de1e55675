/** Marks a synthetic (generated) project wherever it is shown. */
export function DemoBadge() {
  return (
    <span className="wbm-demo-badge" title="Verzonnen demoproject, geen echt project">
      Demo<span className="rhc-visually-hidden"> (verzonnen project)</span>
    </span>
  );
}
