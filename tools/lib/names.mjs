// SPDX-License-Identifier: GPL-3.0-or-later
//
// English short names for the ISO 3166-1 alpha-3 codes of the land source.

import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const countries = require('i18n-iso-countries');
countries.registerLocale(require('i18n-iso-countries/langs/en.json'));

// Where i18n-iso-countries' first English name is a long or formal one, or
// the code is not in ISO 3166-1 (Kosovo's XKX is a user-assigned code).
const SHORT_NAMES = {
  BOL: 'Bolivia',
  BRN: 'Brunei',
  CHN: 'China',
  CIV: 'Côte d’Ivoire',
  COD: 'DR Congo',
  COG: 'Congo',
  CZE: 'Czechia',
  FLK: 'Falkland Islands',
  FSM: 'Micronesia',
  GBR: 'United Kingdom',
  GMB: 'Gambia',
  IRN: 'Iran',
  KOR: 'South Korea',
  LAO: 'Laos',
  MAF: 'Saint Martin',
  MDA: 'Moldova',
  MKD: 'North Macedonia',
  PRK: 'North Korea',
  PSE: 'Palestine',
  RUS: 'Russia',
  SXM: 'Sint Maarten',
  SYR: 'Syria',
  TWN: 'Taiwan',
  TZA: 'Tanzania',
  USA: 'United States',
  VAT: 'Vatican City',
  VEN: 'Venezuela',
  VGB: 'British Virgin Islands',
  VIR: 'U.S. Virgin Islands',
  XKX: 'Kosovo',
};

export function countryName (iso3) {
  if (SHORT_NAMES[iso3]) return SHORT_NAMES[iso3];
  const name = countries.getName(iso3, 'en');
  if (!name) throw new Error(`no English name for ${iso3}`);
  return name;
}
