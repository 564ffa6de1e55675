/**
 * OGC API – Features, Part 1: Core (OGC 17-069r4), read-only, for GIS tools such as QGIS (SPEC §7 "open
 * standards … GeoJSON export for GIS"; issue 13 part 4). Pure helpers: the conformance classes, the `bbox`
 * parameter, paging, links and the spatial test of a feature against a bbox. The service decides which
 * collections a caller sees (open-data aggregates for everyone, projects for the signed-in).
 */

/** Conformance classes implemented (OGC 17-069r4 §7.4; GeoJSON encoding §10). */
export const OGC_CONFORMANCE = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
] as const;

/** WGS84 longitude/latitude, the only CRS of Part 1 (and of RFC 7946). */
export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';

/** The default and largest page (OGC 17-069r4 §7.15.3: the server may cap `limit`). */
export const OGC_DEFAULT_LIMIT = 100;
export const OGC_MAX_LIMIT = 10_000;

export type Bbox = readonly [number, number, number, number];

/**
 * The `bbox` parameter: 4 numbers `minLon,minLat,maxLon,maxLat` in CRS84 (6 numbers: the heights are ignored).
 * Returns the box, or a message in Dutch that names what is wrong.
 */
export function parseBbox(text: string): { bbox: Bbox } | { error: string } {
  const parts = text.split(',').map((s) => s.trim());
  if (parts.length !== 4 && parts.length !== 6) return { error: 'bbox heeft 4 getallen: minLon,minLat,maxLon,maxLat (WGS84).' };
  const n = parts.map(Number);
  if (parts.some((p) => p === '') || n.some((x) => !Number.isFinite(x))) return { error: 'bbox bevat iets dat geen getal is.' };
  const [minLon, minLat, maxLon, maxLat] = parts.length === 6 ? [n[0]!, n[1]!, n[3]!, n[4]!] : [n[0]!, n[1]!, n[2]!, n[3]!];
  if (minLat > maxLat) return { error: 'bbox: de minimale breedtegraad ligt boven de maximale.' };
  if (minLat < -90 || maxLat > 90 || minLon < -180 || maxLon > 180) return { error: 'bbox ligt buiten het bereik van WGS84-graden.' };
  // A box across the antimeridian (minLon > maxLon) cannot touch the Netherlands: still valid, it just finds nothing.
  return { bbox: [minLon, minLat, maxLon, maxLat] };
}

/** The bounding box of a GeoJSON geometry's coordinates (any nesting); null for an empty geometry. */
export function geometryBbox(geometry: unknown): Bbox | null {
  let box: [number, number, number, number] | null = null;
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number' && typeof c[1] === 'number') {
      const [x, y] = c as [number, number];
      box = box ? [Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y)] : [x, y, x, y];
      return;
    }
    for (const inner of c) visit(inner);
  };
  const g = geometry as { coordinates?: unknown; geometries?: unknown[] } | null;
  if (g?.geometries) for (const part of g.geometries) visit((part as { coordinates?: unknown }).coordinates);
  else visit(g?.coordinates);
  return box;
}

/** Do two boxes share a point? (The items of a bbox request are the features whose geometry's box meets it.) */
export function bboxesIntersect(a: Bbox, b: Bbox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

export interface OgcLink {
  href: string;
  rel: string;
  type: string;
  title?: string;
}

/**
 * The links of a page of items (OGC 17-069r4 §7.15.6–7): self, alternate-free `next` while more features are
 * matched, `prev` after the first page, and the collection. `query` is the request's query without limit and
 * offset (kept in every link, so a client's filter carries over).
 */
export function itemsLinks(
  itemsUrl: string,
  collectionUrl: string,
  query: Readonly<Record<string, string>>,
  page: { offset: number; limit: number; returned: number; matched: number },
): OgcLink[] {
  const href = (offset: number) => {
    const params = new URLSearchParams({ ...query, limit: String(page.limit), offset: String(offset) });
    return `${itemsUrl}?${params.toString()}`;
  };
  const links: OgcLink[] = [{ href: href(page.offset), rel: 'self', type: 'application/geo+json', title: 'Deze pagina' }];
  if (page.offset + page.returned < page.matched)
    links.push({ href: href(page.offset + page.limit), rel: 'next', type: 'application/geo+json', title: 'Volgende pagina' });
  if (page.offset > 0)
    links.push({ href: href(Math.max(0, page.offset - page.limit)), rel: 'prev', type: 'application/geo+json', title: 'Vorige pagina' });
  links.push({ href: collectionUrl, rel: 'collection', type: 'application/json', title: 'De collectie' });
  return links;
}
