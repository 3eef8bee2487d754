/**
 * Abbreviations written with a point that is not a full stop, in one place: the sentence splitter
 * and the claims tokenizer read the same lists, so a title is added once, not as a one-off in each.
 */

/**
 * Titles written before a name ("Rev. Warnock", "Sen. Ortiz", "Msgr. Pace"): the point after one
 * never ends a sentence, since the name follows.
 */
export const NAME_TITLES: readonly string[] = [
  'Mr', 'Mrs', 'Ms', 'Messrs', 'Dr', 'Prof', 'Rev', 'Msgr', 'Fr', 'Hon', 'Pres', 'Gov', 'Sen', 'Sens', 'Rep', 'Reps', 'Amb', 'Atty',
  'Supt', 'Insp', 'Det', 'Ald', 'Gen', 'Gens', 'Lt', 'Col', 'Maj', 'Capt', 'Cmdr', 'Adm', 'Brig', 'Sgt', 'Cpl', 'Pvt',
];

/** A company's abbreviated legal ending ("Acme Inc.", "Tarn Bros."), as the claims rules read it before a source. */
export const COMPANY_ENDINGS: readonly string[] = ['Corp', 'Inc', 'Co', 'Cos', 'Ltd', 'Bros'];

/**
 * Other abbreviations a point belongs to, which may also end a sentence ("said Martin Luther King
 * Jr.", "a unit of Acme Inc."): name suffixes, firms, "St."/"Mt."/"Ft." and "No.", and US states as
 * the wires write them.
 */
export const OTHER_ABBREVIATIONS: readonly string[] = [
  'Jr', 'Sr', 'Inc', 'Co', 'Corp', 'Ltd', 'Bros', 'St', 'Mt', 'Ft', 'No', 'Nos',
  'Md', 'Va', 'Pa', 'Ga', 'Fla', 'Mass', 'Calif', 'Mich', 'Wis', 'Ill', 'Conn', 'Tenn', 'Ky', 'Ariz', 'Colo', 'Ore', 'Okla', 'Minn',
  'Wash', 'Del', 'Nev', 'Neb', 'Kan', 'Miss', 'Ala', 'Ark', 'La', 'Mo', 'Ind', 'Vt', 'Wyo', 'Mont',
];

const TITLE_SET = new Set(NAME_TITLES);

/**
 * True when `text` holds a title and its point right before `end` ("… Rev." ending at `end`), the
 * title a whole word.
 * @example titleEndsAt('where Rev.', 10) // true
 */
export function titleEndsAt(text: string, end: number): boolean {
  if (text[end - 1] !== '.') return false;
  let start = end - 1;
  // Titles are at most 6 letters: look no further back than that.
  while (start > 0 && end - 1 - start < 7 && /\p{L}/u.test(text[start - 1]!)) start--;
  if (start > 0 && /[\p{L}\p{N}.]/u.test(text[start - 1]!)) return false;
  return TITLE_SET.has(text.slice(start, end - 1));
}
