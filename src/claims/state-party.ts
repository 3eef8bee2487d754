/**
 * "the Wisconsin Republican", "the Illinois Democrat": a US lawmaker described by state and party, and what the text
 * shows of a person's state and party ("Paul Ryan (R-Wis.)", "Ryan, a Wisconsin Republican,", "Republican Sen. Ryan").
 * `claimants.ts` picks the person; this module only reads descriptions. Every test errs towards no.
 */

/** Each state by name, with the abbreviations news copy tags a lawmaker with ("(R-Wis.)", "(D-IL)"). */
const STATES: Record<string, string[]> = {
  Alabama: ['Ala.', 'AL'], Alaska: ['Alaska', 'AK'], Arizona: ['Ariz.', 'AZ'], Arkansas: ['Ark.', 'AR'], California: ['Calif.', 'Cal.', 'CA'],
  Colorado: ['Colo.', 'CO'], Connecticut: ['Conn.', 'CT'], Delaware: ['Del.', 'DE'], Florida: ['Fla.', 'FL'], Georgia: ['Ga.', 'GA'],
  Hawaii: ['Hawaii', 'HI'], Idaho: ['Idaho', 'ID'], Illinois: ['Ill.', 'IL'], Indiana: ['Ind.', 'IN'], Iowa: ['Iowa', 'IA'],
  Kansas: ['Kan.', 'Kans.', 'KS'], Kentucky: ['Ky.', 'KY'], Louisiana: ['La.', 'LA'], Maine: ['Maine', 'Me.', 'ME'], Maryland: ['Md.', 'MD'],
  Massachusetts: ['Mass.', 'MA'], Michigan: ['Mich.', 'MI'], Minnesota: ['Minn.', 'MN'], Mississippi: ['Miss.', 'MS'], Missouri: ['Mo.', 'MO'],
  Montana: ['Mont.', 'MT'], Nebraska: ['Neb.', 'Nebr.', 'NE'], Nevada: ['Nev.', 'NV'], 'New Hampshire': ['N.H.', 'NH'], 'New Jersey': ['N.J.', 'NJ'],
  'New Mexico': ['N.M.', 'N.Mex.', 'NM'], 'New York': ['N.Y.', 'NY'], 'North Carolina': ['N.C.', 'NC'], 'North Dakota': ['N.D.', 'N.Dak.', 'ND'],
  Ohio: ['Ohio', 'OH'], Oklahoma: ['Okla.', 'OK'], Oregon: ['Ore.', 'Oreg.', 'OR'], Pennsylvania: ['Pa.', 'Penn.', 'PA'], 'Rhode Island': ['R.I.', 'RI'],
  'South Carolina': ['S.C.', 'SC'], 'South Dakota': ['S.D.', 'S.Dak.', 'SD'], Tennessee: ['Tenn.', 'TN'], Texas: ['Texas', 'Tex.', 'TX'],
  Utah: ['Utah', 'UT'], Vermont: ['Vt.', 'VT'], Virginia: ['Va.', 'VA'], Washington: ['Wash.', 'WA'], 'West Virginia': ['W.Va.', 'W. Va.', 'WV'],
  Wisconsin: ['Wis.', 'Wisc.', 'WI'], Wyoming: ['Wyo.', 'WY'],
};

const STATE_NAMES = Object.keys(STATES).sort((a, b) => b.length - a.length);
const STATE_ALT = STATE_NAMES.map((s) => s.replace(/ /g, '\\s+')).join('|');

/** "the Wisconsin Republican" as a source: the state and party it describes. */
const DESCRIPTION = new RegExp(`^[Tt]he\\s+(${STATE_ALT})\\s+(Republican|Democrat)$`);

export type StateParty = { state: string; party: 'R' | 'D' };

/** The state and party a source written as "the Wisconsin Republican" describes; null for any other source. */
export function statePartyNoun(written: string): StateParty | null {
  const m = DESCRIPTION.exec(written.replace(/\s+/g, ' ').trim());
  return m ? { state: m[1]!.replace(/\s+/g, ' '), party: m[2] === 'Republican' ? 'R' : 'D' } : null;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The state a tag's abbreviation or name stands for ("Wis." → Wisconsin), if any. */
function stateOf(abbreviation: string): string | undefined {
  const a = abbreviation.replace(/\s+/g, ' ').trim();
  return STATE_NAMES.find((s) => s === a || STATES[s]!.includes(a));
}

/**
 * What `text` shows of the person `surname` names: each state-and-party tag written with the surname ("Ryan (R-Wis.)",
 * "Ryan, R-Wis.,", "Ryan, a Wisconsin Republican", "Ryan, Republican of Wisconsin", "Wisconsin Republican Paul Ryan"),
 * and each party word right before it ("Republican Sen. Paul Ryan", "Democratic leader Robert Byrd").
 */
export function shownFor(text: string, surname: string): { tags: StateParty[]; parties: Array<'R' | 'D'> } {
  const tags: StateParty[] = [];
  const parties: Array<'R' | 'D'> = [];
  const party = (w: string): 'R' | 'D' => (/^R/.test(w) ? 'R' : 'D');
  for (const m of text.matchAll(new RegExp(`\\b${escape(surname)}\\b`, 'g'))) {
    const after = text.slice(m.index! + surname.length, m.index! + surname.length + 60);
    const before = text.slice(Math.max(0, m.index! - 60), m.index!);
    const tag = /^,?\s*\(?([RD])\s*-\s*([A-Z][A-Za-z. ]{1,12}?)\s*[),]/.exec(after);
    const state = tag && stateOf(tag[2]!);
    if (tag && state) tags.push({ state, party: party(tag[1]!) });
    const described = new RegExp(`^,\\s+(?:a|the)\\s+(?:[a-z-]+\\s+){0,2}(${STATE_ALT})\\s+(Republican|Democrat)\\b|^,\\s+(?:a\\s+)?(Republican|Democrat)\\s+(?:of|from)\\s+(${STATE_ALT})\\b`).exec(after);
    if (described) tags.push({ state: (described[1] ?? described[4])!.replace(/\s+/g, ' '), party: party((described[2] ?? described[3])!) });
    const titled = new RegExp(`\\b(${STATE_ALT})\\s+(Republican|Democrat)\\s+(?:(?:Sen|Rep|Gov)\\.\\s+|\\p{Lu}[\\p{Ll}]+\\s+){0,3}$`, 'u').exec(before);
    if (titled) tags.push({ state: titled[1]!.replace(/\s+/g, ' '), party: party(titled[2]!) });
    const word = /\b(Republican|Democratic|Democrat|GOP)\s+(?:(?:Sen|Rep|Gov|Senator|Representative|Congressman|Congresswoman|leader|whip|presidential|candidate|Majority|Minority|Leader|Speaker|House|Senate)\.?\s+){0,4}(?:\p{Lu}[\p{Ll}’'-]+\s+){0,2}$/u.exec(before);
    if (word) parties.push(word[1] === 'GOP' ? 'R' : party(word[1]!));
  }
  return { tags, parties };
}

/**
 * The surnames `text` tags with that state and party ("Ryan" for "Paul Ryan (R-Wis.)", "Ryan, a Wisconsin Republican,").
 */
export function surnamesTagged(text: string, wanted: StateParty): Set<string> {
  const found = new Set<string>();
  const abbreviations = [wanted.state, ...STATES[wanted.state]!].map((a) => escape(a).replace(/ /g, '\\s*')).join('|');
  const state = escape(wanted.state).replace(/ /g, '\\s+');
  const partyWord = wanted.party === 'R' ? 'Republican' : 'Democrat';
  const patterns = [
    new RegExp(`(\\p{Lu}[\\p{L}’'-]+),?\\s*\\(?${wanted.party}\\s*-\\s*(?:${abbreviations})\\s*[),]`, 'gu'),
    new RegExp(`(\\p{Lu}[\\p{L}’'-]+),\\s+(?:a|the)\\s+(?:[a-z-]+\\s+){0,2}${state}\\s+${partyWord}\\b`, 'gu'),
    new RegExp(`(\\p{Lu}[\\p{L}’'-]+),\\s+(?:a\\s+)?${partyWord}\\s+(?:of|from)\\s+${state}\\b`, 'gu'),
    new RegExp(`\\b${state}\\s+${partyWord}\\s+(?:(?:Sen|Rep|Gov)\\.\\s+)?(?:\\p{Lu}[\\p{Ll}’'-]+\\s+){0,2}(\\p{Lu}[\\p{L}’'-]+)`, 'gu'),
  ];
  for (const p of patterns) for (const m of text.matchAll(p)) found.add(m[1]!);
  return found;
}
