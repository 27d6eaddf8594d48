#!/usr/bin/env node
/**
 * Writes server/src/auth/commonPasswords.txt: the passwords that new passwords may not be.
 *
 * No network and no third-party list: the file is derived here, deterministically, from
 * well-known patterns. The bases are the passwords that head every published "most common
 * passwords" ranking (SplashData / NordPass yearly lists, the RockYou and HIBP top entries:
 * password, qwerty, iloveyou, dragon, monkey, …), Japanese favourites (sakura, pokemon,
 * doraemon, …) and words about this software and its users (sakutei, council, fukushima, …).
 * Each base is combined with the suffixes people add to reach a length rule (123, 1234, 2024,
 * !, 01, …) and the usual letter-for-symbol swaps; keyboard walks and digit runs are added
 * whole. Only entries of at least PASSWORD_MIN_LENGTH characters are kept (the length rule
 * already refuses the rest), lower-cased, sorted, at most 10,000.
 *
 *   node scripts/commonPasswords.mjs        # rewrite the file
 *   node scripts/commonPasswords.mjs --check  # exit 1 when the file is not what this writes
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const LIMIT = 10_000;
const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), '../server/src/auth/commonPasswords.txt');
const PASSWORD_TS = path.join(path.dirname(fileURLToPath(import.meta.url)), '../server/src/auth/password.ts');

/** PASSWORD_MIN_LENGTH as password.ts declares it: the rule has one home, read here as text (no TS loader). */
function passwordMinLength() {
  const found = /export const PASSWORD_MIN_LENGTH = (\d+);/.exec(fs.readFileSync(PASSWORD_TS, 'utf8'));
  if (!found) throw new Error('PASSWORD_MIN_LENGTH not found in server/src/auth/password.ts');
  return Number(found[1]);
}

const BASES = `
password passw0rd p@ssword p@ssw0rd pass passwd secret letmein welcome welcome1 hello hello1 login admin administrator root
qwerty qwertz azerty asdf asdfgh zxcvbn iloveyou iloveu loveyou lovely love princess princesa sunshine shadow master
dragon monkey football baseball soccer hockey basketball tennis golf superman batman spiderman pokemon starwars
trustno1 whatever freedom ninja mustang michael jennifer jordan jordan23 hunter hunter2 ranger buster charlie thomas
robert daniel andrew joshua matthew jessica ashley amanda nicole michelle anthony william george harley maggie ginger
summer winter spring autumn flower orange banana cherry chocolate cookie cheese pepper coffee computer internet
killer access abc abcdef abcd1234 abc123 a1b2c3 1q2w3e 1q2w3e4r 1qaz2wsx zaq12wsx qazwsx q1w2e3r4 123qwe qwe123
test tester testing guest user default changeme changeit temp temporary demo sample example company office
samsung apple google yahoo microsoft windows linux android iphone facebook twitter youtube instagram
tigger angel angels beautiful babygirl family friends forever jesus christ blessed heaven london paris tokyo
sakura hikari daisuki nippon nihon japan osaka kyoto hokkaido doraemon naruto totoro pikachu gundam anpanman
hellokitty kitty neko inu tanaka suzuki sato takahashi watanabe fukushima koriyama iwaki aizu
sakutei council kaigi gikai shiyakusho yakusho kuyakusho city cityhall fukushimashi plan keikaku member
chair observer staff editor secretary
`.split(/\s+/).filter(Boolean);

const SUFFIXES = ['', '1', '12', '123', '1234', '12345', '123456', '1234567', '!', '1!', '123!', '01', '11', '00', '99', '007', '69', '777', '@123', '#1', '.', '?'];
for (let year = 1960; year <= 2030; year++) SUFFIXES.push(String(year));

const WHOLE = [
  '1234567890', '0123456789', '0987654321', '9876543210', '12345678910', '123456789a', 'a123456789',
  '1234512345', '1234554321', '1122334455', '1111122222', '0000011111', '1212121212', '1231231231',
  'qwertyuiop', 'poiuytrewq', 'asdfghjkl;', 'asdfghjkl1', 'zxcvbnm123', 'qwertyuiop123', 'qwerty123456',
  '1qaz2wsx3edc', '1q2w3e4r5t', '1q2w3e4r5t6y', 'q1w2e3r4t5', 'q1w2e3r4t5y6', 'zaq1zaq1zaq1', 'zaq12wsxcde3',
  'qazwsxedc123', 'qazwsxedcrfv', '!qaz2wsx', '!qaz@wsx#edc', 'abcdefghij', 'abcdefghijk', 'abcdefg123', 'abcd123456',
  'aa12345678', 'a1s2d3f4g5', '1a2b3c4d5e', 'passwordpassword', 'iloveyouiloveyou', 'letmeinletmein',
];

/** The letter-for-symbol swaps that people believe make a password strong. */
function swaps(word) {
  const table = { a: '@', o: '0', e: '3', i: '1', s: '$' };
  const out = new Set([word]);
  let all = word;
  for (const [from, to] of Object.entries(table)) {
    if (word.includes(from)) out.add(word.replaceAll(from, to));
    all = all.replaceAll(from, to);
  }
  out.add(all);
  return [...out];
}

/** The list, given the minimum length (server/src/auth/commonPasswords.test.ts passes PASSWORD_MIN_LENGTH). */
export function commonPasswords(minLength) {
  // Insertion order is the ranking: whole walks, then every base with the short suffixes,
  // then with years, then the symbol-swapped spellings; the first LIMIT are kept.
  const found = new Set();
  const add = (candidate) => {
    const folded = candidate.normalize('NFKC').toLowerCase();
    if (folded.length >= minLength) found.add(folded);
  };
  for (const whole of WHOLE) add(whole);
  // Recent years first: people add the year they set the password.
  const years = SUFFIXES.filter((suffix) => /^\d{4}$/.test(suffix) && Number(suffix) >= 1960).reverse();
  const short = SUFFIXES.filter((suffix) => !years.includes(suffix));
  for (const base of BASES) add(base + base);
  for (const suffix of short) for (const base of BASES) add(base + suffix);
  for (const suffix of years) for (const base of BASES) add(base + suffix);
  for (const base of BASES) for (const word of swaps(base).slice(1)) for (const suffix of SUFFIXES) add(word + suffix);
  return [...found].slice(0, LIMIT).sort();
}

// Only when run, never on import (the unit test imports commonPasswords).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const text = `${commonPasswords(passwordMinLength()).join('\n')}\n`;
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(OUT) ? fs.readFileSync(OUT, 'utf8') : '';
    if (current !== text) {
      console.error(`${path.relative(process.cwd(), OUT)} is out of date: run node scripts/commonPasswords.mjs`);
      process.exit(1);
    }
  } else {
    fs.writeFileSync(OUT, text);
    console.log(`wrote ${text.split('\n').length - 1} passwords to ${path.relative(process.cwd(), OUT)}`);
  }
}
