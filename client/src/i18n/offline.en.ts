import type { offlineJa } from './offline.ja';

export const offlineEn: Record<keyof typeof offlineJa, string> = {
  'save.label': 'Saving',
  'save.saved': 'Saved',
  'save.savedAt': 'Saved at {time}',
  'save.syncing': 'Syncing…',
  'save.connecting': 'Connecting…',
  'save.offline': 'Offline',
  'save.offlineUnsent': 'Offline ({count} unsent)',
  'save.offlineNote': 'Your edits are kept on this device and will be sent automatically when the connection returns.',
  'save.refusedNote': 'Unsent edits are kept on this device and will be sent if you may edit this plan again.',
  'save.announceOffline': 'You are offline. Edits are kept on this device and sent when the connection returns.',
  'save.announceOfflineUnsent': 'You are offline with {count} unsent edits, kept on this device.',
  'save.announceBack': 'Reconnected. All edits are saved.',
  'save.stopped': 'Not saved',

  'updateRefused.title': 'Your changes are not being saved',
  'updateRefused.body': 'The server did not accept this change (in suggestion mode you can only write suggestions). Until you reopen the latest version, changes made here are not saved.',
  'updateRefused.bodyReadOnly': 'The server did not accept this change (you may not edit this plan). Until you reopen the latest version, changes made here are not saved.',
  'updateRefused.loss': 'Reopening discards the refused change and every change made on this page after it. Copy any text you want to keep first.',
  'updateRefused.reopen': 'Reopen the latest version',
  'updateRefused.reopened': 'Reopened the latest version. The refused change has been undone.',

  'signOutUnsent.title': 'You have unsent edits',
  'signOutUnsent.body': 'This device holds {count} edits the server has not stored yet. Signing out deletes them. Sign out once the connection is back and the plan shows “Saved”.',
  'signOutUnsent.confirm': 'Delete them and sign out',

  'sessionExpired.title': 'Your session has expired',
  'sessionExpired.body': 'Nothing you did on this page is lost: your edits are kept on this device and will be sent once you sign in again.',
  'sessionExpired.submit': 'Sign in and continue',
  'sessionExpired.signOut': 'Sign out',
  'sessionExpired.signOutHint': 'Signing out deletes the unsent edits kept on this device.',
};
