/** The shape the API accepts for a USCC (GB 32100: 18 characters, digits and capitals without I, O, S, V, Z). */
const USCC = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/** What people type, as the API wants it: no spaces, capitals. */
export function normaliseUscc(typed: string): string {
  return typed.replace(/[\s-]/g, '').toUpperCase();
}

/** null when the code has the right shape, else why not, in Chinese. */
export function usccShapeProblem(code: string): string | null {
  if (!code) return '请输入统一社会信用代码';
  if (code.length !== 18) return `统一社会信用代码为 18 位,您输入了 ${code.length} 位`;
  if (!USCC.test(code)) return '统一社会信用代码只含数字和大写字母(不使用 I、O、S、V、Z),请核对';
  return null;
}

export function scoreColour(score: number): string {
  return score >= 90 ? '#2f9e44' : score >= 70 ? '#f08c00' : '#c92a2a';
}
