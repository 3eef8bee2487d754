import { describe, expect, it } from 'vitest';
import claim from '../../commands/claim.js';
import type { CommandContext } from '../../src/core/command.js';
import { ingestText } from '../../src/ingest/index.js';
import { libraryFromArticles } from '../../src/library/build.js';
import { silentLogger } from '../../src/app/log.js';
import type { Reply } from '../../src/core/types.js';

const meta = (outlet: string, published: string) => ({ title: `${outlet} report`, outlet, url: null, published, publishedInferred: false });

const wire = [
  'Harbour dispute deepens',
  '',
  'The Norwegian Fisheries Agency, the NFA, has claimed that Danish trawlers entered the Skagen fishing zone without permits.',
  '',
  'NFA spokesperson Kari Nilsen said the trawlers had switched off their transponders near Skagen.',
].join('\n');

const denial = [
  'Denmark rejects trawler claims',
  '',
  "Denmark's Fisheries Ministry has denied claims by the Norwegian Fisheries Agency (NFA) that Danish trawlers entered the Skagen zone.",
  '',
  'Ministry spokesman Lars Holm called the report fabricated.',
].join('\n');

async function ask(topic: string): Promise<Reply> {
  const articles = [
    ingestText(wire, { id: 'wire.md', meta: meta('Nordic Wire', '2026-03-02') }),
    ingestText(wire, { id: 'copy.md', meta: meta('Coastal Daily', '2026-03-03') }),
    ingestText(denial, { id: 'denial.md', meta: meta('Copenhagen Post', '2026-03-04') }),
  ];
  const library = libraryFromArticles(articles);
  const ctx: CommandContext = { library, clock: { now: () => new Date('2026-03-05') }, logger: silentLogger, origin: { platform: 'cli' }, commands: new Map(), services: {} };
  return claim.run(claim.input.parse({ topic }), ctx);
}

describe('claim grouping', () => {
  it('shows a syndicated claim once, with the copy in alsoIn, and the denial beside it', async () => {
    const reply = await ask('skagen');
    const first = reply.items.find((i) => /has claimed that Danish trawlers/.test(i.text))!;
    expect(first.fields).toMatchObject({ claimant: 'Norwegian Fisheries Agency (NFA)', stance: 'asserts' });
    const source = reply.citations.find((c) => c.id === first.source)!;
    expect(source.outlet).toBe('Nordic Wire'); // the earliest appearance is the one quoted
    const copy = reply.citations.find((c) => c.outlet === 'Coastal Daily')!;
    expect(first.alsoIn).toEqual([copy.id]);
    expect(reply.items.filter((i) => i.text === first.text)).toHaveLength(1);
    const denials = reply.items.filter((i) => i.fields?.stance === 'denies');
    expect(denials.map((d) => d.fields?.claimant)).toContain("Denmark's Fisheries Ministry");
    for (const d of denials) expect(d.fields?.group).toBe(first.fields?.group);
    expect(denials.find((d) => d.fields?.claimant === "Denmark's Fisheries Ministry")!.fields?.answers).toBe('Norwegian Fisheries Agency (NFA)');
  });

  it('orders groups by relevance, and a statement naming the topic before one that does not', async () => {
    const reply = await ask('skagen');
    const groups = [...new Set(reply.items.map((i) => i.fields?.group))];
    expect(groups[0]).toBe(reply.items.find((i) => /has claimed that Danish trawlers/.test(i.text))!.fields?.group);
    expect(reply.headline).toMatch(/denied or disputed/);
  });
});

/** One article's claims about a topic, as (group, stance, claimant, first words) rows. */
async function groupsOf(text: string | string[], topic: string): Promise<Array<[string, string, string]>> {
  const articles = [text].flat().map((t, i) => ingestText(t, { id: `story-${i}.md`, meta: meta(`Courier ${i}`, `2026-05-0${i + 1}`) }));
  const ctx: CommandContext = { library: libraryFromArticles(articles), clock: { now: () => new Date('2026-05-05') }, logger: silentLogger, origin: { platform: 'cli' }, commands: new Map(), services: {} };
  const reply = await claim.run(claim.input.parse({ topic }), ctx);
  return reply.items.filter((i) => /^c\d+$/.test(String(i.fields?.group))).map((i) => [String(i.fields?.group), String(i.fields?.stance), i.text.split(' ').slice(0, 3).join(' ')]);
}

describe('claim grouping: a group is one claim', () => {
  it('never joins two claims because their contents are the same single word', async () => {
    const story = [
      'Marlow quarry talks',
      '',
      '"The Marlow quarry will close in June," Ministry of Mines (MOM) Deputy Director Ana Poll told reporters.',
      '',
      '"Nobody at the Marlow quarry was ever ill," Tarn Council (TC) Deputy Director Ivo Brandt told reporters.',
    ].join('\n');
    const rows = await groupsOf(story, 'marlow');
    expect(rows).toHaveLength(2);
    expect(rows[0]![0]).not.toBe(rows[1]![0]);
  });

  const quarry = [
    'Quarry row reaches the council',
    '',
    'The county council said the Marlow quarry would close for good in June.',
    '',
    'Parents claimed that dust blowing from the Marlow quarry had made pupils at the village school ill.',
    '',
    'Union officials said the owners of the Marlow quarry had cut safety inspections to one a year.',
    '',
    'Brennan Aggregates, which owns the site, denied that safety inspections at the Marlow quarry had been cut.',
    '',
    'A company spokeswoman called the dust allegations baseless.',
    '',
    'Environmental lawyers disputed that the Marlow quarry permits were ever valid.',
  ].join('\n');

  it('keeps statements that only share the topic word in separate groups', async () => {
    const rows = await groupsOf(quarry, 'marlow quarry');
    const groupOf = (start: string) => rows.find((r) => r[2].startsWith(start))![0];
    const council = groupOf('The county council');
    const parents = groupOf('Parents claimed that');
    const union = groupOf('Union officials said');
    expect(new Set([council, parents, union]).size).toBe(3);
    // The lawyers' dispute is about the permits, which no one here claimed: a group of its own.
    expect([council, parents, union]).not.toContain(groupOf('Environmental lawyers disputed'));
  });

  it('puts a denial with the claim whose content it contradicts, not with the claim before it', async () => {
    const reply = [
      'Owners answer the union',
      '',
      'The county planning office said the Marlow quarry would be allowed a second pit next spring.',
      '',
      'Brennan Aggregates denied that safety inspections at the Marlow quarry had been reduced.',
    ].join('\n');
    const rows = await groupsOf([quarry, reply], 'marlow quarry');
    const groupOf = (start: string) => rows.find((r) => r[2].startsWith(start))![0];
    // The union's claim is in another article; the planning office's claim just before says something else.
    expect(groupOf('Brennan Aggregates denied')).toBe(groupOf('Union officials said'));
    expect(groupOf('Brennan Aggregates denied')).not.toBe(groupOf('The county planning'));
    expect(groupOf('Brennan Aggregates, which')).toBe(groupOf('Union officials said'));
    // "the dust allegations": a phrase pointing back, whose own word says which claim it answers.
    expect(groupOf('A company spokeswoman')).toBe(groupOf('Parents claimed that'));
  });

  it('keeps two claims of one claimant apart when they share only the topic words', async () => {
    const text = [
      'Ferry news',
      '',
      'The harbour board said the Tarsk ferry fares would rise by a tenth.',
      '',
      'The harbour board said the Tarsk ferry would get a new captain.',
    ].join('\n');
    const rows = await groupsOf(text, 'tarsk ferry');
    const groupOf = (start: string) => rows.find((r) => r[2].startsWith(start))![0];
    expect(rows.map((r) => r[0])).toEqual(['c1', 'c2']);
    expect(groupOf('The harbour board')).toBe('c1');
  });

  it('joins two claimants saying the same thing in one group, the topic word aside', async () => {
    const text = [
      'Ferry link in doubt',
      '',
      'The harbour board said the Tarsk ferry would stop running after the winter storms damaged its hull.',
      '',
      'Local fishermen said storms had damaged the hull of the Tarsk ferry, which would stop running.',
      '',
      'The tourist office said the Tarsk ferry timetable would be printed in April.',
    ].join('\n');
    const rows = await groupsOf(text, 'tarsk ferry');
    const groupOf = (start: string) => rows.find((r) => r[2].startsWith(start))![0];
    expect(groupOf('The harbour board')).toBe(groupOf('Local fishermen said'));
    expect(groupOf('The tourist office')).not.toBe(groupOf('The harbour board'));
  });
});

describe('claim grouping: a response joins only the claim it answers (issue 14, pattern 7)', () => {
  it('a response pointing back ("rejected the allegation") answers the claim reported just before it, not the first of its article', async () => {
    const text = [
      'Ferry dispute widens',
      '',
      'Harbour master Ida Holm said the Linwick ferry carried 4,000 passengers in April.',
      '',
      'Dockers said the ferry company had skipped two hull inspections to save money.',
      '',
      'The ferry company rejected the allegation.',
    ].join('\n');
    const rows = await groupsOf(text, 'ferry');
    const groupOf = (start: string) => rows.find((r) => r[2].startsWith(start))?.[0];
    expect(groupOf('The ferry company')).toBe(groupOf('Dockers said the'));
    expect(groupOf('The ferry company')).not.toBe(groupOf('Harbour master Ida'));
  });

  it('a response from another article sharing only names with a claim does not answer it', async () => {
    const first = ['Mayor tours the river', '', 'Analysts said the Port Elgin vote had left Ruth Okafor of New Carlow with fewer allies.'].join('\n');
    const second = ['Rival hits back', '', 'Councillor Dev Amin hit back at Ruth Okafor of New Carlow over the Port Elgin library budget.'].join('\n');
    const rows = await groupsOf([first, second], 'port elgin');
    const groupOf = (start: string) => rows.find((r) => r[2].startsWith(start))?.[0];
    expect(groupOf('Councillor Dev Amin')).toBeDefined();
    expect(groupOf('Councillor Dev Amin')).not.toBe(groupOf('Analysts said the'));
  });

  it('a response from another article sharing names and one word with a claim does not answer it', async () => {
    const first = ['Mayor tours the river', '', 'Analysts said the Port Elgin vote had left Ruth Okafor of New Carlow with fewer allies.'].join('\n');
    const second = ['Rival hits back', '', 'Councillor Dev Amin hit back at Ruth Okafor of New Carlow over the Port Elgin library budget and her allies.'].join('\n');
    const rows = await groupsOf([first, second], 'port elgin');
    const groupOf = (start: string) => rows.find((r) => r[2].startsWith(start))?.[0];
    expect(groupOf('Councillor Dev Amin')).toBeDefined();
    expect(groupOf('Councillor Dev Amin')).not.toBe(groupOf('Analysts said the'));
  });

  it('a phrase pointing back joins a claim by its own words, not by the noun it points with', async () => {
    const first = ['Kell Road row', '', 'Councillor Ada Lund said she had spoken with the mayor of Kell Road about accusations that drivers were speeding.'].join('\n');
    const second = ['Depot answers', '', 'The Kell Road depot dismissed the parking accusations.'].join('\n');
    const rows = await groupsOf([first, second], 'kell road');
    const groupOf = (start: string) => rows.find((r) => r[2].startsWith(start))?.[0];
    expect(groupOf('The Kell Road')).toBeDefined();
    expect(groupOf('The Kell Road')).not.toBe(groupOf('Councillor Ada Lund'));
  });

  it('a claimant\'s doubt is not shown as a response to its own claim', async () => {
    const text = ['Budget vote', '', 'Councillor Mia Berg said the Alder Street depot would close in June.', '', 'Berg later questioned whether the Alder Street depot would close in June at all.'].join('\n');
    const rows = await groupsOf(text, 'alder street');
    const disputes = rows.filter((r) => r[1] === 'disputes');
    expect(disputes.length).toBeGreaterThan(0);
    for (const d of disputes) expect(rows.filter((r) => r[0] === d[0] && r[1] === 'asserts')).toEqual([]);
  });
});

describe('claim grouping on a broad topic', () => {
  it('answers when a reply pointing back shares only a word too common to be looked up', async () => {
    // Seventy claims each naming the ferry (a word held by more groups than grouping looks up), then a
    // spokesman who "dismissed the ferry reports": the pointing-back phrase shares no counted term.
    const claims = Array.from({ length: 70 }, (_, i) => {
      const tag = String.fromCharCode(97 + (i % 26)) + String.fromCharCode(97 + Math.floor(i / 26));
      return `Captain Ola Vik${tag} said the Osterby ferry carried quarz${tag} crates and plinth${tag} barrels.`;
    });
    const story = ['Osterby ferry questions', '', ...claims.flatMap((c) => [c, '']), 'A port spokesman dismissed the ferry reports.'].join('\n');
    const rows = await groupsOf(story, 'osterby');
    expect(rows.length).toBeGreaterThan(0);
  });
});

describe('claim grouping: a response sharing only names with a claim of its article', () => {
  it('does not join it: two statements naming the same people may be about different things', async () => {
    const story = [
      'Tarn pier notes',
      '',
      'Mayor Ida Lund said the Tarn pier budget set by Governor Eva Holm would double next year.',
      '',
      'Union chair Per Olsen questioned whether Governor Eva Holm would have visited the Tarn pier if it stood in a poorer district.',
    ].join('\n');
    const rows = await groupsOf(story, 'tarn pier');
    const claim = rows.find((r) => r[2].startsWith('Mayor Ida Lund'))!;
    const dispute = rows.find((r) => r[1] === 'disputes')!;
    expect(dispute[0]).not.toBe(claim[0]);
  });

  it('still joins a denial that restates the claim in its own words', async () => {
    const story = [
      'Tarn pier notes',
      '',
      'Mayor Ida Lund said the Tarn pier budget set by Governor Eva Holm would double next year.',
      '',
      'Governor Eva Holm denied that the Tarn pier budget would double.',
    ].join('\n');
    const rows = await groupsOf(story, 'tarn pier');
    const claim = rows.find((r) => r[2].startsWith('Mayor Ida Lund'))!;
    const denial = rows.find((r) => r[1] === 'denies')!;
    expect(denial[0]).toBe(claim[0]);
  });
});

describe('claim grouping: a response pointing back ("pushed back on those claims")', () => {
  it('is not sent to another article\'s claim by a time word after its phrase', async () => {
    const first = ['Pier row', '', 'Mayor Ida Lund said the Tarn pier would close in June.', '', 'Harbour master Per Olsen pushed back on those claims Thursday.'].join('\n');
    const second = ['Ferry vote', '', "Governor Eva Holm said Thursday's ferry vote was a triumph for the Tarn pier."].join('\n');
    const rows = await groupsOf([first, second], 'tarn pier');
    const lund = rows.find((r) => r[2].startsWith('Mayor Ida Lund'))!;
    const olsen = rows.find((r) => r[1] === 'disputes' || r[1] === 'denies')!;
    expect(olsen[0]).toBe(lund[0]);
  });

  it('answers the claim just before it even in an article with many later claims', async () => {
    const people = ['Ana Berg', 'Bo Dahl', 'Cai Ek', 'Dan Falk', 'Eli Gran', 'Fia Hult', 'Gus Ivar', 'Hal Juhl', 'Ida Kron', 'Jon Lind', 'Kim Moss', 'Lea Nord', 'Max Ohm', 'Nils Pihl', 'Ola Qvist', 'Per Rask', 'Rut Sand', 'Sam Tell'];
    const things = ['ferries', 'cranes', 'tolls', 'buoys', 'nets', 'docks', 'barges', 'anchors', 'ropes', 'sails', 'tugs', 'piles', 'lamps', 'gates', 'cargo', 'berths', 'hulls', 'masts'];
    const later = people.map((p, i) => `${p} said the Tarn pier ${things[i]} were ${['old', 'new', 'cheap', 'costly', 'rusty', 'safe'][i % 6]} this spring.`);
    const story = ['Pier row', '', 'Mayor Ida Lund said the Tarn pier would close in June.', '', 'Harbour master Per Olsen rejected those claims.', '', ...later.flatMap((l) => [l, ''])].join('\n');
    // Every page is asked for, not just the first: the claim and its answer share a group.
    const articles = [ingestText(story, { id: 'story-0.md', meta: meta('Courier 0', '2026-05-01') })];
    const ctx: CommandContext = { library: libraryFromArticles(articles), clock: { now: () => new Date('2026-05-05') }, logger: silentLogger, origin: { platform: 'cli' }, commands: new Map(), services: {} };
    const items = [];
    for (const page of [1, 2, 3]) items.push(...(await claim.run(claim.input.parse({ topic: 'tarn pier', page: String(page) }), ctx)).items);
    const lund = items.find((i) => i.text.startsWith('Mayor Ida Lund'))!;
    const olsen = items.find((i) => i.text.startsWith('Harbour master Per Olsen'))!;
    expect(olsen.fields?.group).toBe(lund.fields?.group);
  });
});

describe('claim grouping: a headline and its body', () => {
  it('puts the same claimant\'s body statement saying the headline\'s claim in its group, and not another of theirs', async () => {
    const story = [
      "Ida Lund Calls Tarn Pier Plan 'A Disaster' Over Ferry Tolls",
      '',
      'Harbour chair Ida Lund spoke at the council on Monday.',
      '',
      '"These tolls are a disaster for every fisherman, every cafe owner and every family who takes the boat to the mainland each week," Lund said.',
      '',
      'Lund said the Tarn pier cafe would reopen in May.',
    ].join('\n');
    // The story's first line is its headline (the outlet's title).
    const article = ingestText(story, { id: 'tolls.md', meta: { ...meta('Courier', '2026-05-01'), title: story.split('\n')[0]! } });
    const ctx: CommandContext = { library: libraryFromArticles([article]), clock: { now: () => new Date('2026-05-05') }, logger: silentLogger, origin: { platform: 'cli' }, commands: new Map(), services: {} };
    const reply = await claim.run(claim.input.parse({ topic: 'tarn pier' }), ctx);
    const rows = reply.items.map((i) => [String(i.fields?.group), i.text] as const);
    const headline = rows.find((r) => r[1].startsWith('Ida Lund Calls'))!;
    const body = rows.find((r) => r[1].startsWith('"These tolls are'))!;
    const cafe = rows.find((r) => r[1].startsWith('Lund said the'))!;
    expect(body[0]).toBe(headline[0]);
    expect(cafe[0]).not.toBe(headline[0]);
  });
});

describe('claim grouping: what two statements must share to be one claim', () => {
  it('never joins two claimants on function words or two incidental words', async () => {
    const rows = await groupsOf(
      [
        ['Harbour plan', '', '"We don\'t know," Ana Poll said of the harbour.'].join('\n'),
        ['Harbour vote', '', '"There is a lot we don\'t know," Ivo Brandt said of the harbour.'].join('\n'),
        ['Harbour mood', '', 'Lena Ek said the harbour fees would double next spring.', '', 'Tom Lee said harbour fees were set to double in spring.'].join('\n'),
      ],
      'harbour',
    );
    const groupOf = (start: string) => rows.find((r) => r[2].startsWith(start))![0];
    expect(groupOf('"We don\'t know')).not.toBe(groupOf('"There is a'));
    // Two claimants saying the same thing in their own words, sharing three words or more, stay one claim.
    expect(groupOf('Lena Ek said')).toBe(groupOf('Tom Lee said'));
  });

  it('never joins two claimants who share only names', async () => {
    const rows = await groupsOf(
      [
        ['Tarn vote', '', 'Ana Poll said Upper Marlow and Brill Vale had backed Tarn.'].join('\n'),
        ['Tarn result', '', 'Ivo Brandt said Tarn had lost Upper Marlow and Brill Vale.'].join('\n'),
      ],
      'tarn',
    );
    expect(new Set(rows.map((r) => r[0])).size).toBe(2);
  });

  it('does not send a denial from another article to a claim it shares two incidental words with', async () => {
    const rows = await groupsOf(
      [
        ['Port row', '', 'Union officials said the county election for the Marlow port board had been rigged.'].join('\n'),
        ['Port owners', '', 'Brennan Aggregates denied that it had used the same permit system at Marlow port since the 2004 county election.'].join('\n'),
      ],
      'marlow port',
    );
    const groupOf = (start: string) => rows.find((r) => r[2].startsWith(start))![0];
    expect(groupOf('Brennan Aggregates denied')).not.toBe(groupOf('Union officials said'));
  });
});

describe('claim grouping: a denial pointing back', () => {
  it('is placed by the words of its phrase, not by a clause after it', async () => {
    const rows = await groupsOf(
      [
        ['Port sale', '', 'Ana Poll said a bid for the Marlow port would come within weeks.'].join('\n'),
        ['Port shares', '', 'Shares in the Marlow port rose this year.', '', 'Brennan Aggregates denied the reports and no bid followed.'].join('\n'),
      ],
      'marlow port',
    );
    const groupOf = (start: string) => rows.find((r) => r[2].startsWith(start))?.[0];
    expect(groupOf('Ana Poll said')).toBeDefined();
    expect(groupOf('Brennan Aggregates denied')).not.toBe(groupOf('Ana Poll said'));
  });
});
