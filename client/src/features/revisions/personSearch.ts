import type { Member } from '@sakutei/shared';

/**
 * What a person is found by: the name and the e-mail address. A member carries no 所属 of its
 * own yet; when it does, it belongs here and nowhere else.
 */
export function personSearchText(member: Pick<Member, 'name' | 'email'>): string {
  return `${member.name} ${member.email}`;
}
