import { cleanCell } from '../import/problems';
import type { Contact } from '../model';
import { foldWidth } from '../numbering';

// The document schema caps these (model.ts); longer input is cut rather than refused.
const MAX_CONTACTS = 100;
const MAX_NAME = 200;
const MAX_PHONE = 60;

/*
 * TEL must stand as its own word (so that `HOTEL` or `TELEPHONE` is not cut in two), after
 * a space or at the start, and be followed by a separator or the number itself. Matched on
 * width-folded text, so `ＴＥＬ：` counts too.
 */
const PHONE_MARK = /(?:^|\s)(?:TEL|電話)(?=[\s:：.．]|\d|$)[\s:：.．]*/i;
const PHONE_NUMBER = /^\+?[0-9][0-9()\-]{5,}$/;

/** One contact as the programmes print it: `福島市 産業雇用政策課 TEL 024-515-7746`. */
export function formatContact(contact: Contact): string {
  const who = [contact.organisation, contact.section].filter((part) => part !== '').join(' ');
  if (contact.phone === '') return who;
  return who === '' ? `TEL ${contact.phone}` : `${who} TEL ${contact.phone}`;
}

/** One contact per line: the form the grid shows and `parseContacts` reads back. */
export function formatContacts(contacts: readonly Contact[]): string {
  return contacts.map(formatContact).join('\n');
}

/**
 * Contacts typed into the grid or pasted from a plan: one per line, `組織 部署 TEL 電話`,
 * organisation and section split at the first space, the TEL mark optional when the last
 * word is a phone number. Also reads the plans' printed form,
 * `○[福島市産業雇用政策課](#) TEL 024-515-7746`, several of which can share a line.
 */
export function parseContacts(text: string): Contact[] {
  const contacts: Contact[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    for (const piece of line.split(/(?:^|[\s\u3000])[○〇◯●](?=\S)/)) {
      const contact = parseContact(piece);
      if (contact) contacts.push(contact);
      if (contacts.length === MAX_CONTACTS) return contacts;
    }
  }
  return contacts;
}

function parseContact(text: string): Contact | null {
  // Folding is one character for one, so positions found in the folded text hold in the original.
  const original = cleanCell(text.replace(/^[\s\u3000]*[○〇◯●・]/, '')).replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
  const folded = foldWidth(original);
  let head = original;
  let phone = '';
  const mark = PHONE_MARK.exec(folded);
  if (mark) {
    head = original.slice(0, mark.index);
    phone = cleanCell(folded.slice(mark.index + mark[0].length));
  } else {
    const lastSpace = folded.search(/\s\S*$/);
    const last = folded.slice(lastSpace + 1);
    if (lastSpace > 0 && PHONE_NUMBER.test(last)) {
      head = original.slice(0, lastSpace);
      phone = last;
    }
  }
  head = cleanCell(head);
  if (head === '' && phone === '') return null;
  const split = /[\s\u3000]+/.exec(head);
  const organisation = split ? head.slice(0, split.index) : head;
  const section = split ? cleanCell(head.slice(split.index)) : '';
  return { organisation: organisation.slice(0, MAX_NAME), section: section.slice(0, MAX_NAME), phone: phone.slice(0, MAX_PHONE) };
}
