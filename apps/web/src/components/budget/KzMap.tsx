/**
 * Kazakhstan's 20 regions as an accessible SVG choropleth, drawn from pre-projected paths
 * (`kzMap.generated.ts`, loaded on first use as a chunk of its own): no tiles, no projection code.
 *
 * Every region is one focusable element (`role="link"`, `tabindex="0"`, `aria-label` "name: value")
 * that opens with a click, Enter or Space. The region under the pointer or the keyboard focus is
 * drawn again on top with a thick two-tone outline (the focus indicator), and its name and value
 * show under the map. The three cities, too small to see at country scale, get a marker too.
 * Fills come from the caller; `pattern` adds a texture, so a status never rests on colour alone.
 * The OpenStreetMap attribution (ODbL) is always shown with the map.
 */
import { useEffect, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useI18n } from '../../i18n/i18n';
import type { MapRegion } from './kzMap.generated';

export type MapPattern = 'dots' | 'hatch' | 'cross';

export interface MapDatum {
  /** The accessible name, "name: value". */
  label: string;
  fill: string;
  pattern?: MapPattern;
}

interface Shapes {
  width: number;
  height: number;
  regions: readonly MapRegion[];
}

let shapesPromise: Promise<Shapes> | null = null;
/** The generated shapes, fetched once per page load. */
export const loadMapShapes = (): Promise<Shapes> =>
  (shapesPromise ??= import('./kzMap.generated').then((m) => ({
    width: m.MAP_WIDTH,
    height: m.MAP_HEIGHT,
    regions: m.MAP_REGIONS,
  })));

const useShapes = () => {
  const [shapes, setShapes] = useState<Shapes | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    loadMapShapes().then(
      (s) => live && setShapes(s),
      () => {
        shapesPromise = null;
        if (live) setFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return { shapes, failed };
};

/** The textures, also used by the legend's swatches (`MapSwatch`). */
export const PatternDefs = ({ prefix }: { prefix: string }) => (
  <defs>
    <pattern id={`${prefix}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      <rect width="6" height="6" fill="none" />
      <line x1="0" y1="0" x2="0" y2="6" stroke="#1a1f24" strokeWidth="1.6" strokeOpacity="0.75" />
    </pattern>
    <pattern id={`${prefix}-dots`} width="6" height="6" patternUnits="userSpaceOnUse">
      <circle cx="3" cy="3" r="1.2" fill="#1a1f24" fillOpacity="0.7" />
    </pattern>
    <pattern id={`${prefix}-cross`} width="7" height="7" patternUnits="userSpaceOnUse">
      <path d="M0 0L7 7M7 0L0 7" stroke="#1a1f24" strokeWidth="0.9" strokeOpacity="0.6" />
    </pattern>
  </defs>
);

/** The legend's textures: once per legend, hidden (its swatches refer to them). */
export const SwatchDefs = () => (
  <svg className="kz-defs" width="0" height="0" aria-hidden="true" focusable="false">
    <PatternDefs prefix="kzl" />
  </svg>
);

/** A legend swatch: the fill and texture of the map, with a dark border (needs `SwatchDefs` on the page). */
export const MapSwatch = ({ fill, pattern }: { fill: string; pattern?: MapPattern | undefined }) => (
  <svg className="kz-swatch" width="28" height="20" viewBox="0 0 28 20" aria-hidden="true" focusable="false">
    <rect x="0.5" y="0.5" width="27" height="19" fill={fill} stroke="#1a1f24" />
    {pattern ? <rect x="0.5" y="0.5" width="27" height="19" fill={`url(#kzl-${pattern})`} /> : null}
  </svg>
);

export const KzMap = ({
  labelledBy,
  describedBy,
  data,
  onOpen,
}: {
  /** Id of the element naming the map (a heading). */
  labelledBy: string;
  describedBy?: string;
  /** What to draw for each region id; a region without data is grey and says so. */
  data: ReadonlyMap<string, MapDatum>;
  onOpen: (regionId: string) => void;
}) => {
  const { t, lang } = useI18n();
  const { shapes, failed } = useShapes();
  const [active, setActive] = useState<string | null>(null);

  if (failed) return <p className="notice notice-error">{t('budget.map.failed')}</p>;
  if (!shapes) return <p className="loading">{t('common.loading')}</p>;

  const datum = (r: MapRegion): MapDatum =>
    data.get(r.id) ?? { label: `${r.name[lang]}: ${t('budget.noData')}`, fill: '#d5dade', pattern: 'cross' };
  const activeRegion = active ? shapes.regions.find((r) => r.id === active) : undefined;

  const open = (event: MouseEvent | KeyboardEvent, id: string) => {
    event.preventDefault();
    onOpen(id);
  };
  const onKeyDown = (event: KeyboardEvent, id: string) => {
    if (event.key === 'Enter' || event.key === ' ' || event.key === 'Spacebar') open(event, id);
  };

  return (
    <figure className="kz-map">
      <svg
        className="kz-map-svg"
        viewBox={`0 0 ${shapes.width} ${shapes.height}`}
        role="group"
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
        data-testid="kz-map"
      >
        <PatternDefs prefix="kz" />
        {shapes.regions.map((r) => {
          const d = datum(r);
          return (
            <g
              key={r.id}
              className="kz-region"
              role="link"
              tabIndex={0}
              aria-label={d.label}
              data-region={r.id}
              onClick={(e) => open(e, r.id)}
              onKeyDown={(e) => onKeyDown(e, r.id)}
              onFocus={() => setActive(r.id)}
              onBlur={() => setActive((a) => (a === r.id ? null : a))}
              onMouseEnter={() => setActive(r.id)}
              onMouseLeave={() => setActive((a) => (a === r.id ? null : a))}
            >
              <path d={r.d} fill={d.fill} fillRule="evenodd" className="kz-region-shape" />
              {d.pattern ? (
                <path d={r.d} fill={`url(#kz-${d.pattern})`} fillRule="evenodd" className="kz-region-texture" />
              ) : null}
            </g>
          );
        })}
        {/* The cities' markers, on top of the regions around them (the keyboard reaches the city itself). */}
        <g aria-hidden="true">
          {shapes.regions
            .filter((r) => r.small)
            .map((r) => {
              const d = datum(r);
              return (
                <g
                  key={r.id}
                  className="kz-city"
                  data-city={r.id}
                  onClick={(e) => open(e, r.id)}
                  onMouseEnter={() => setActive(r.id)}
                  onMouseLeave={() => setActive((a) => (a === r.id ? null : a))}
                >
                  <circle cx={r.cx} cy={r.cy} r="8" fill={d.fill} className="kz-city-marker" />
                  {d.pattern ? <circle cx={r.cx} cy={r.cy} r="8" fill={`url(#kz-${d.pattern})`} /> : null}
                </g>
              );
            })}
        </g>
        {activeRegion ? (
          <g aria-hidden="true" className="kz-highlight">
            <path d={activeRegion.d} fillRule="evenodd" className="kz-highlight-under" />
            <path d={activeRegion.d} fillRule="evenodd" className="kz-highlight-over" />
            {activeRegion.small ? (
              <>
                <circle cx={activeRegion.cx} cy={activeRegion.cy} r="8" className="kz-highlight-under" />
                <circle cx={activeRegion.cx} cy={activeRegion.cy} r="8" className="kz-highlight-over" />
              </>
            ) : null}
          </g>
        ) : null}
      </svg>
      <p className="kz-map-info" aria-hidden="true" data-testid="kz-map-info">
        {activeRegion ? datum(activeRegion).label : t('budget.map.hint')}
      </p>
      <figcaption className="kz-map-attribution">
        {t('budget.map.attribution')} (
        <a href="https://www.openstreetmap.org/copyright" rel="noopener noreferrer" translate="no">
          https://www.openstreetmap.org/copyright
        </a>
        )
      </figcaption>
    </figure>
  );
};
