/** A meeting's documents for paper (次第, 出席者名簿, 議事録). Keys start with `meetingExports.`. */
export const meetingExportsJa = {
  'meetingExports.title': '書類の出力',
  'meetingExports.lead': '官公庁の様式で、Word ファイルまたは印刷用の HTML としてダウンロードします。',
  'meetingExports.agenda': '次第',
  'meetingExports.attendance': '出席者名簿',
  'meetingExports.minutes': '議事録',
  'meetingExports.minutesDraft': '議事録（案）',
  'meetingExports.docx': 'Word',
  'meetingExports.html': '印刷用 HTML',
  'meetingExports.linkLabel': '{document}を{format}でダウンロード',
  'meetingExports.names': '議事録の氏名',
  'meetingExports.names.asSpoken': '発言どおり',
  'meetingExports.names.anonymised': '匿名（委員A、委員B…）',
  'meetingExports.draftHint': '確定前の議事録は事務局と座長だけが出力でき、「（案）」と記されます。',
  'meetingExports.minutesLater': '議事録は座長の確定後に出力できます。',
} as const;
