import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderJa } from '../../../app/testing/render';
import { SuggestModeToggle } from './SuggestModeToggle';

describe('SuggestModeToggle', () => {
  it('gives each toggle its own ids, and describes the options and the lock by reference', () => {
    renderJa(
      <>
        <SuggestModeToggle suggesting={{ only: true, reason: 'staff' }} mode="suggest" onChange={() => {}} />
        <SuggestModeToggle suggesting={{ only: true, reason: 'staff' }} mode="suggest" onChange={() => {}} />
      </>,
    );
    const groups = screen.getAllByRole('radiogroup');
    const described = groups.map((group) => group.getAttribute('aria-describedby'));
    expect(described[0]).toBeTruthy();
    expect(described[0]).not.toBe(described[1]);
    expect(document.getElementById(described[0]!)!.textContent).toBe('事務局は提案として書き込みます');
    const suggest = screen.getAllByTestId('mode-suggest')[0]!;
    expect(document.getElementById(suggest.getAttribute('aria-describedby')!)!.textContent).toContain('提案：');
  });
});
