import type { Contact } from '@sakutei/shared/measures';

// The document schema caps these; a longer value would make the whole contact list unreadable.
const MAX_CONTACTS = 100;
const MAX_NAME = 200;
const MAX_PHONE = 60;

/** One contact as the programmes print it: `福島市 産業雇用政策課 TEL 024-515-7746`. */
export function formatContact(contact: Contact): string {
  const name = [contact.organisation, contact.section].filter((part) => part !== '').join(' ');
  if (contact.phone === '') return name;
  return name === '' ? `TEL ${contact.phone}` : `${name} TEL ${contact.phone}`;
}

export function formatContacts(contacts: readonly Contact[]): string {
  return contacts.map(formatContact).join('\n');
}

// TEL must stand as its own word, so that a name such as "HOTEL" is not cut in two.
const PHONE_AT_END = /(?:^|\s)(?:TEL|ＴＥＬ|電話)(?=[\s:：.．]|\d|$)[\s:：.．]*(.*)$/i;

/**
 * Reads one typed line back: the organisation is everything up to the first space, the
 * section the rest, and an optional `TEL …` at the end is the phone number.
 */
export function parseContactLine(line: string): Contact | null {
  const text = line.replace(/\u3000/g, ' ').replace(/\s+/g, ' ').trim();
  if (text === '') return null;
  let rest = text;
  let phone = '';
  const match = PHONE_AT_END.exec(text);
  if (match) {
    phone = (match[1] ?? '').trim();
    rest = text.slice(0, match.index).trim();
  }
  const space = rest.indexOf(' ');
  const organisation = space < 0 ? rest : rest.slice(0, space);
  const section = space < 0 ? '' : rest.slice(space + 1);
  return {
    organisation: organisation.slice(0, MAX_NAME),
    section: section.slice(0, MAX_NAME),
    phone: phone.slice(0, MAX_PHONE),
  };
}

/** One contact per line; blank lines are dropped. */
export function parseContacts(text: string): Contact[] {
  return text
    .split(/\r?\n/)
    .flatMap((line) => parseContactLine(line) ?? [])
    .slice(0, MAX_CONTACTS);
}
