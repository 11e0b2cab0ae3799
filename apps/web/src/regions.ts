import { areaList } from '@vant/area-data';

/**
 * 行政区划 names for the GB/T 2260 six-digit codes the API sends (`350102` → 福建省福州市鼓楼区), from the maintained
 * `@vant/area-data` package (province, city and county lists kept current with the 民政部 行政区划代码). A code the list
 * does not know is shown as the code itself, never dropped.
 */
const provinces: Record<string, string> = areaList.province_list;
const cities: Record<string, string> = areaList.city_list;
const counties: Record<string, string> = areaList.county_list;

/** Municipalities directly under the central government: the province and the "city" carry the same name. */
const same = (a: string | undefined, b: string | undefined) => a !== undefined && a === b;

/** The parts of a code's name, largest first: ['福建省', '福州市', '鼓楼区']. Empty when the code is unknown. */
export function regionParts(code: string | null | undefined): string[] {
  if (!code || !/^\d{6}$/.test(code)) return [];
  const p = provinces[`${code.slice(0, 2)}0000`];
  if (!p) return [];
  if (code.endsWith('0000')) return [p];
  const c = cities[`${code.slice(0, 4)}00`];
  if (code.endsWith('00')) return c ? (same(p, c) ? [p] : [p, c]) : [];
  const k = counties[code];
  if (!k) return [];
  return [p, ...(c && !same(p, c) && !['省直辖县级行政区划', '自治区直辖县级行政区划'].includes(c) ? [c] : []), k];
}

/** The full name: "福建省福州市鼓楼区"; an unknown code stays as it is; null → "—". */
export function regionName(code: string | null | undefined): string {
  if (!code) return '—';
  const parts = regionParts(code);
  return parts.length ? parts.join('') : code;
}

/** The shortest name that still says where: "鼓楼区(福州市)" inside the province the portal serves, else the full name. */
export function regionShort(code: string | null | undefined): string {
  const parts = regionParts(code);
  if (!parts.length) return code ?? '—';
  if (parts.length === 3) return `${parts[2]}(${parts[1]})`;
  return parts[parts.length - 1];
}

/** Options for a region select: the cities and counties of one province (default 福建省 35), each "福州市 鼓楼区". */
export function regionOptions(province = '35'): { value: string; label: string }[] {
  const out: { value: string; label: string }[] = [];
  const p = provinces[`${province}0000`];
  if (p) out.push({ value: `${province}0000`, label: p });
  for (const [code, city] of Object.entries(cities).filter(([k]) => k.startsWith(province)).sort(([a], [b]) => a.localeCompare(b))) {
    out.push({ value: code, label: same(p, city) ? p : city });
    for (const [k, county] of Object.entries(counties).filter(([c]) => c.startsWith(code.slice(0, 4))).sort(([a], [b]) => a.localeCompare(b))) {
      out.push({ value: k, label: `${same(p, city) ? '' : city} ${county}`.trim() });
    }
  }
  return out;
}
