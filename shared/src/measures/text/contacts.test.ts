import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatContact, formatContacts, parseContacts } from './contacts';

// Words as they appear in 担当 columns: kanji, kana, Latin and digits, never a space inside.
const word = fc
  .string({ unit: fc.constantFrom(...'市町村課係室局部産業雇用政策観光商工会議所ABCXYZ123ー・（）'), minLength: 1, maxLength: 12 })
  // A word that is itself a TEL mark or starts with ○ means something else by design.
  .filter((w) => !/^(TEL|電話)/i.test(w) && !/^[○〇◯●・]/.test(w));
const phone = fc.stringMatching(/^0[0-9]{1,4}-[0-9]{2,4}-[0-9]{4}$/);
const contact = fc.record({
  organisation: word,
  section: fc.array(word, { maxLength: 3 }).map((words) => words.join(' ')),
  phone: fc.oneof(fc.constant(''), phone),
});

describe('contacts', () => {
  it('reads back what it prints, for any list of contacts', () => {
    fc.assert(
      fc.property(fc.array(contact, { maxLength: 6 }), (contacts) => {
        expect(parseContacts(formatContacts(contacts))).toEqual(contacts);
      }),
    );
  });

  it('prints a contact as the programmes do', () => {
    expect(formatContact({ organisation: '福島市', section: '産業雇用政策課', phone: '024-515-7746' })).toBe(
      '福島市 産業雇用政策課 TEL 024-515-7746',
    );
    expect(formatContact({ organisation: '', section: '', phone: '024-515-7746' })).toBe('TEL 024-515-7746');
  });

  it('does not take TEL out of the middle of a word', () => {
    expect(parseContacts('HOTEL福島 フロント')).toEqual([{ organisation: 'HOTEL福島', section: 'フロント', phone: '' }]);
    expect(parseContacts('市 TELEPHONE係')).toEqual([{ organisation: '市', section: 'TELEPHONE係', phone: '' }]);
  });

  it('reads full-width marks and numbers typed in Japanese documents', () => {
    expect(parseContacts('福島市　商業まちづくり課　ＴＥＬ：０２４－５２５－３７２０')).toEqual([
      { organisation: '福島市', section: '商業まちづくり課', phone: '024-525-3720' },
    ]);
  });

  it('caps what the document schema caps', () => {
    const many = Array.from({ length: 150 }, (_, i) => `課${i}`).join('\n');
    expect(parseContacts(many)).toHaveLength(100);
    expect(parseContacts('あ'.repeat(500))[0]!.organisation).toHaveLength(200);
  });
});
