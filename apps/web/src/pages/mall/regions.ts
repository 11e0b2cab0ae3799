/**
 * Names of the administrative divisions the e-mall delivers to (GB/T 2260, Fujian, where the platform runs). A code
 * outside the table is shown as itself; a district reads with its city ("福州市鼓楼区").
 */
const NAMES: Record<string, string> = {
  '350000': '福建省',
  '350100': '福州市', '350102': '鼓楼区', '350103': '台江区', '350104': '仓山区', '350105': '马尾区', '350111': '晋安区', '350112': '长乐区',
  '350121': '闽侯县', '350122': '连江县', '350123': '罗源县', '350124': '闽清县', '350125': '永泰县', '350128': '平潭县', '350181': '福清市',
  '350200': '厦门市', '350203': '思明区', '350205': '海沧区', '350206': '湖里区', '350211': '集美区', '350212': '同安区', '350213': '翔安区',
  '350300': '莆田市', '350400': '三明市', '350500': '泉州市', '350600': '漳州市', '350700': '南平市', '350800': '龙岩市', '350900': '宁德市',
};

export function regionName(code: string): string {
  const own = NAMES[code];
  if (!own) return code;
  if (code.endsWith('0000')) return own;
  if (code.endsWith('00')) return own;
  const city = NAMES[`${code.slice(0, 4)}00`];
  return city ? `${city}${own}` : own;
}

/** Options for a region select: the province, its cities, Fuzhou's and Xiamen's districts. */
export const REGION_OPTIONS = Object.keys(NAMES).map((value) => ({ value, label: `${regionName(value)}(${value})` }));
