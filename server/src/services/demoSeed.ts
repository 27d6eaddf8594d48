import { BODY_FRAGMENT, docNameForPlan } from '@sakutei/shared';
import { proseSchema } from '@sakutei/shared/editor';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { newId } from '../auth/ids';
import { hashPassword } from '../auth/password';
import { DEMO_ACCOUNTS, DEMO_COUNCIL_NAME, DEMO_PASSWORD, DEMO_PLAN_TITLE, demoProseDocument } from '../demo/fukushimaProgramme';
import type { Storage } from '../storage';

/** The prose of a new plan as a Yjs update, built with the same schema the editor uses. */
export function proseToYjsUpdate(json: unknown): Uint8Array {
  const doc = prosemirrorJSONToYDoc(proseSchema(), json, BODY_FRAGMENT);
  return Y.encodeStateAsUpdate(doc);
}

/** Seeds the demo council into an empty data folder; does nothing when any workspace exists. */
export async function seedDemo(storage: Storage): Promise<boolean> {
  if (!(await storage.workspaces.isEmpty())) return false;
  const workspaceId = newId();
  await storage.workspaces.createWorkspace({ id: workspaceId, name: DEMO_COUNCIL_NAME });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const account of DEMO_ACCOUNTS) {
    const existing = await storage.accounts.findUserByEmail(account.email);
    const userId = existing?.id ?? newId();
    if (!existing) await storage.accounts.createUser({ id: userId, email: account.email, name: account.name, passwordHash, isDemo: true });
    await storage.workspaces.setMembership(workspaceId, userId, account.role);
  }
  const planId = newId();
  const docName = docNameForPlan(planId);
  await storage.workspaces.createPlan({ id: planId, workspaceId, title: DEMO_PLAN_TITLE, docName });
  await storage.docs.compact(docName, proseToYjsUpdate(demoProseDocument()), 0);
  return true;
}
