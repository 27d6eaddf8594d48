import { fireEvent, screen } from '@testing-library/react';
import { useRef, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { renderJa } from './testing/render';
import { ConfirmDialog } from './ConfirmDialog';

function Harness({ onConfirm = vi.fn(), disabled = false, focusField = false }) {
  const [open, setOpen] = useState(false);
  const fieldRef = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        開く
      </button>
      {open && (
        <ConfirmDialog
          title="行を削除しますか"
          confirmLabel="削除する"
          confirmDisabled={disabled}
          initialFocus={focusField ? fieldRef : undefined}
          testId="dialog"
          onConfirm={onConfirm}
          onCancel={() => setOpen(false)}
        >
          <p>この行を削除します。</p>
          <input ref={fieldRef} aria-label="理由" data-testid="field" />
        </ConfirmDialog>
      )}
    </>
  );
}

describe('ConfirmDialog', () => {
  it('is a labelled alert dialog that starts on the safe button', () => {
    renderJa(<Harness />);
    fireEvent.click(screen.getByRole('button', { name: '開く' }));
    const dialog = screen.getByRole('alertdialog', { name: '行を削除しますか' });
    expect(dialog.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByTestId('dialog-cancel'));
  });

  it('starts on the field the caller names', () => {
    renderJa(<Harness focusField />);
    fireEvent.click(screen.getByRole('button', { name: '開く' }));
    expect(document.activeElement).toBe(screen.getByTestId('field'));
  });

  it('closes on Escape without confirming', () => {
    const onConfirm = vi.fn();
    renderJa(<Harness onConfirm={onConfirm} />);
    fireEvent.click(screen.getByRole('button', { name: '開く' }));
    fireEvent.keyDown(screen.getByTestId('dialog-cancel'), { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('confirms unless the confirmation is disabled', () => {
    const onConfirm = vi.fn();
    const { unmount } = renderJa(<Harness onConfirm={onConfirm} />);
    fireEvent.click(screen.getByRole('button', { name: '開く' }));
    fireEvent.click(screen.getByTestId('dialog-confirm'));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    unmount();
    const blocked = vi.fn();
    renderJa(<Harness onConfirm={blocked} disabled />);
    fireEvent.click(screen.getByRole('button', { name: '開く' }));
    fireEvent.submit(screen.getByTestId('dialog-confirm').closest('form')!);
    expect(blocked).not.toHaveBeenCalled();
  });
});
