import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FUNCTIONAL_GROUPS, functionalGroupByCode, isFunctionalGroup } from './functional-groups.js';
import { isRegionId, REGION_IDS, REGIONS, regionById } from './regions.js';

/** The map lives beside the repository (`shared/geo`); wherever it is found, the copy must match it. */
const geojson = ['../../../../../shared/geo/kz-regions.geojson', '../../../../../../shared/geo/kz-regions.geojson']
  .map((relative) => fileURLToPath(new URL(relative, import.meta.url)))
  .find((path) => existsSync(path));

describe('regions', () => {
  it('lists the 20 first-level units with distinct ids and names in three languages', () => {
    expect(REGIONS).toHaveLength(20);
    expect(new Set(REGION_IDS).size).toBe(20);
    for (const region of REGIONS) {
      expect(region.id).toMatch(/^KZ-\d{2}$/);
      for (const name of Object.values(region.name)) expect(name.trim()).not.toBe('');
    }
    expect(regionById('KZ-75')?.name.en).toBe('Almaty');
    expect(isRegionId('KZ-19')).toBe(true);
    expect(isRegionId('KZ-00')).toBe(false);
  });

  // A clean clone elsewhere has no `shared/` beside it: the skip says so in its title.
  (geojson ? it : it.skip)(
    geojson
      ? 'is the same as the features of kz-regions.geojson'
      : 'is the same as the features of kz-regions.geojson (skipped: no shared/geo beside this checkout)',
    () => {
      const map = JSON.parse(readFileSync(geojson!, 'utf8')) as {
        features: { properties: { id: string; name_kk: string; name_ru: string; name_en: string } }[];
      };
      const fromMap = map.features.map(({ properties: p }) => ({
        id: p.id,
        name: { kk: p.name_kk, ru: p.name_ru, en: p.name_en },
      }));
      expect([...REGIONS].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
        fromMap.sort((a, b) => a.id.localeCompare(b.id)),
      );
    },
  );
});

describe('functional groups', () => {
  it('has the 13 groups 01..13 of the budget classification', () => {
    expect(FUNCTIONAL_GROUPS.map((group) => group.code)).toEqual([
      '01',
      '02',
      '03',
      '04',
      '05',
      '06',
      '07',
      '08',
      '09',
      '10',
      '11',
      '12',
      '13',
    ]);
    expect(functionalGroupByCode('04')?.name).toEqual({ kk: 'Білім беру', ru: 'Образование', en: 'Education' });
    expect(isFunctionalGroup('14')).toBe(false);
    expect(isFunctionalGroup('4')).toBe(false);
  });
});
