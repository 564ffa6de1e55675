/** A small bar in a table cell: decoration (aria-hidden) that helps the eye compare rows; the figure is the text beside it. */


export function Bar({ share }: { share: number }) {
  return <span className="wbm-bar" aria-hidden="true" style={{ inlineSize: `${Math.max(0, Math.min(1, share)) * 100}%` }} />;
}
