// GB/T 2260 region codes: 350102 (鼓楼区) lies in 350100 (福州市) in 350000 (福建省). A product that delivers to a
// city or a province delivers to each district in it.

export function regionAndAncestors(code: string): string[] {
  return [...new Set([code, `${code.slice(0, 4)}00`, `${code.slice(0, 2)}0000`])];
}
