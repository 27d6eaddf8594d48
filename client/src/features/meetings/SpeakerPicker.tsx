import type { AttendanceEntry } from '@sakutei/shared';
import { useI18n } from '../../i18n';
import { InsertMenu } from './InsertMenu';
import { speakerChoices } from './minutesInserts';

interface Props {
  attendance: readonly AttendanceEntry[];
  disabled?: boolean;
  /** Called with the label to insert, 「山田座長：」. */
  onPick: (label: string) => void;
}

/**
 * 「発言者」: those who attended the meeting, by name (and their proxy's), each inserting the
 * label the minutes write for them. Only attendance decides who is offered: someone recorded
 * absent, or not recorded at all, did not speak.
 */
export function SpeakerPicker({ attendance, disabled, onPick }: Props) {
  const { t } = useI18n();
  const choices = speakerChoices(attendance);
  return (
    <InsertMenu
      label={t('minutes.speaker.label')}
      choices={choices.map((choice) => ({
        id: choice.userId,
        text: choice.proxyName ? t('minutes.speaker.proxy', { label: choice.label, proxy: choice.proxyName }) : choice.label,
      }))}
      emptyText={t('minutes.speaker.none')}
      disabled={disabled}
      onPick={(userId) => {
        const choice = choices.find((c) => c.userId === userId);
        if (choice) onPick(choice.label);
      }}
      testId="minutes-speaker"
    />
  );
}
