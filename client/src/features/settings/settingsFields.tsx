import { Button } from 'react-aria-components';
import type { Control, FieldErrors, UseFormRegister } from 'react-hook-form';
import { type MessageKey, useI18n } from '../../i18n';
import type { SettingsForm } from './settingsForm';

/** The pieces every section of 計画の設定 shares: its form handles, error text and row tools. */
export type SectionProps = { control: Control<SettingsForm>; register: UseFormRegister<SettingsForm>; errors: FieldErrors<SettingsForm>; editable: boolean };

export function ErrorText({ id, message }: { id: string; message: string | undefined }) {
  const { t } = useI18n();
  if (!message) return null;
  return (
    <span id={id} className="settings__error">
      {t(message as MessageKey)}
    </span>
  );
}

/** ↑ ↓ 削除 for one row of a list; React Aria buttons (keyboard and screen-reader friendly). */
export function RowTools({ index, count, label, onMove, onRemove, removable = true }: { index: number; count: number; label: string; onMove: (from: number, to: number) => void; onRemove: () => void; removable?: boolean }) {
  const { t } = useI18n();
  return (
    <span className="settings__row-tools">
      <Button className="button button--quiet" isDisabled={index === 0} aria-label={t('settings.moveUp', { item: label })} onPress={() => onMove(index, index - 1)}>
        ↑
      </Button>
      <Button className="button button--quiet" isDisabled={index === count - 1} aria-label={t('settings.moveDown', { item: label })} onPress={() => onMove(index, index + 1)}>
        ↓
      </Button>
      <Button className="button button--quiet" isDisabled={!removable} aria-label={t('settings.remove', { item: label })} onPress={onRemove}>
        {t('settings.removeShort')}
      </Button>
    </span>
  );
}

