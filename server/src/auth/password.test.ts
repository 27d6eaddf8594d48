import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password';

describe('passwordProblem', () => {
  it('refuses short and overlong passwords as weak', () => {
    expect(passwordProblem('short')?.code).toBe('weak_password');
    expect(passwordProblem('x'.repeat(1025))?.code).toBe('weak_password');
  });

  it('refuses the shipped common passwords, whatever their case or width', () => {
    for (const common of ['password123', 'PASSWORD1234', 'Ｑｗｅｒｔｙｕｉｏｐ', '1234567890', 'iloveyou2024', 'sakura12345', 'p@ssw0rd123']) {
      expect(passwordProblem(common)?.code, common).toBe('common_password');
    }
  });

  it('refuses one character, or a short run, repeated', () => {
    for (const repeated of ['aaaaaaaaaa', 'ＡＡＡＡＡＡＡＡＡＡ', '..........', 'ああああああああああ', '1212121212', 'abcabcabca']) {
      expect(passwordProblem(repeated)?.code, repeated).toBe('common_password');
    }
  });

  it('accepts passwords that are neither', () => {
    for (const fine of ['kaigi-no-aikotoba', 'long-enough-password', 'correct horse battery staple', 'ふくしまの春は桜が早い', 'aaaaaaaaaaZq7']) {
      expect(passwordProblem(fine), fine).toBeNull();
    }
  });
});
