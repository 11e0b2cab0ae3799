// PostgreSQL has no Chinese parser: the index holds each Han character and each pair of neighbours (unigrams +
// bigrams), and latin/digit words lower-cased, so that any substring of two or more Han characters is an AND of bigrams.

const HAN = /\p{Script=Han}+/gu;
const WORD = /[a-z0-9]+/g;

/** NFKC folds full-width letters and digits (ＨＰ, ５００) into ASCII; lower-case for case-free matching. */
export function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function hanRuns(text: string): string[] {
  return text.match(HAN) ?? [];
}

function words(text: string): string[] {
  return text.replace(HAN, ' ').match(WORD) ?? [];
}

/** The lexemes a product's text is indexed under: '打印机' → 打 印 机 打印 印机. */
export function documentTokens(...texts: string[]): string[] {
  const out = new Set<string>();
  for (const text of texts.map(normalise)) {
    for (const run of hanRuns(text)) {
      const chars = [...run];
      chars.forEach((c, i) => {
        out.add(c);
        if (i + 1 < chars.length) out.add(c + chars[i + 1]);
      });
    }
    for (const w of words(text)) out.add(w);
  }
  return [...out];
}

export interface SearchQuery {
  /** lexemes that must all be present */
  lexemes: string[];
  /** Han phrases longer than two characters: the bigrams may match apart, so the text is checked for each */
  phrases: string[];
}

/** A query's lexemes: the bigrams of each Han run (a lone character as itself) and the latin words; AND of all. */
export function queryTokens(q: string): SearchQuery {
  const text = normalise(q);
  const lexemes = new Set<string>();
  const phrases: string[] = [];
  for (const run of hanRuns(text)) {
    const chars = [...run];
    if (chars.length === 1) lexemes.add(chars[0]);
    for (let i = 0; i + 1 < chars.length; i++) lexemes.add(chars[i] + chars[i + 1]);
    if (chars.length > 2) phrases.push(run);
  }
  for (const w of words(text)) lexemes.add(w);
  return { lexemes: [...lexemes], phrases };
}

/** tsquery text with every lexeme quoted, so that nothing in it is read as an operator. */
export function tsqueryOf(lexemes: string[]): string {
  return lexemes.map((l) => `'${l.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`).join(' & ');
}

/** The text kept beside the index for the phrase check: normalised, one field per line. */
export function searchText(...texts: string[]): string {
  return texts.map(normalise).join('\n');
}
