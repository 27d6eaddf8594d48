/**
 * The measure-table half of the 新旧対照表 as lines, with renumbering runs folded into one
 * note each. It lives in shared/ because the DOCX and print exports lay out the same lines.
 */
export {
  countLines,
  evaluationGroups,
  lineSegments,
  progressGroups,
  measureFieldText,
  measureGroups,
  measureKindText,
  measurePlaceText,
  renumberNoteText,
  type MeasureField,
  type MeasureGroup,
  type MeasureLine,
  type MeasureLineKind,
  type MeasurePlace,
} from '@sakutei/shared';
