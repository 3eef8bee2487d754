/** Datelines and "Date:" lines as wires and sites write them, and look-alikes that are not. */
import { describe, expect, it } from 'vitest';
import { parseStatedDate, readDateLine, readWireDateline } from '../../src/ingest/dateline.js';

describe('readWireDateline', () => {
  it.each([
    ['YEREVAN, June 4. /TASS/. Moscow has', { text: 'YEREVAN, June 4. /TASS/.', place: 'YEREVAN', month: 6, day: 4, outlet: 'TASS' }],
    ['LONDON (Reuters) - The pound', { text: 'LONDON (Reuters) -', place: 'LONDON', outlet: 'Reuters' }],
    ['DES MOINES, Iowa, Aug. 10 (UPI) — Hillary', { place: 'DES MOINES, Iowa', month: 8, day: 10, outlet: 'UPI' }],
    ['TRENTON, N.J. (AP) — Was that', { place: 'TRENTON, N.J.', outlet: 'AP' }],
    ['RICHMOND, Va. Feb 26 - Qtly div', { text: 'RICHMOND, Va. Feb 26 -', month: 2, day: 26 }],
    ['LONDON, MARCH 3 - Shr profit', { month: 3, day: 3 }],
    ['Toronto, Feb 26 - Two-for-one split', { place: 'Toronto', month: 2, day: 26 }],
    ['NEW YORK, March 3, 2024 - Stocks fell', { year: 2024, date: '2024-03-03' }],
    ['DALLAS/FORT WORTH, Texas, March 3 - AMR', { place: 'DALLAS/FORT WORTH, Texas' }],
  ])('reads %j', (text, expected) => {
    expect(readWireDateline(text, 10)).toMatchObject({ ...expected, start: 10 });
  });

  it.each([
    'GMAC (Australia) said it would',
    'Smith said on Monday that',
    'Washington, the capital - x',
    'NATO (the alliance) met',
    'US officials said',
    'Paris is calm today.',
  ])('leaves %j alone', (text) => {
    expect(readWireDateline(text, 0)).toBeUndefined();
  });
});

describe('readDateLine and parseStatedDate', () => {
  it.each([
    ['Date: 23 February 2021', '2021-02-23'],
    ['Published: March 3, 2024', '2024-03-03'],
    ['Posted on 2024-03-05', '2024-03-05'],
    ['Date: 1st May 2019', '2019-05-01'],
  ])('reads %j', (text, date) => {
    expect(readDateLine(text, 0)).toMatchObject({ date, start: 0, end: text.length });
  });

  it.each(['Date: 31 February 2021', 'Posted 3 hours ago', 'Date night ideas for 2021', 'Published: yesterday'])('rejects %j', (text) => {
    expect(readDateLine(text, 0)).toBeUndefined();
  });

  it('checks the calendar', () => {
    expect(parseStatedDate('29 February 2024')).toBe('2024-02-29');
    expect(parseStatedDate('29 February 2023')).toBeUndefined();
  });
});
