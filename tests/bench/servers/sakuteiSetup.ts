import fs from 'node:fs';
import { docNameForPlan } from '@sakutei/shared';
import { newId } from '../../../server/src/auth/ids';
import { DEMO_COUNCIL_NAME } from '../../../server/src/demo/fukushimaProgramme';
import { seedDemo } from '../../../server/src/services/demoSeed';
import { openSqliteStorage } from '../../../server/src/storage/sqlite';

/**
 * Prepares a Sakutei data folder before its server starts, with the server's own storage
 * code: the demo council (so the demo accounts can sign in), one plan per benchmark
 * document (as `pnpm cli plan add` makes them, without 400 CLI processes), and the cold-load
 * documents stored as the snapshot a long-edited plan would have.
 *
 * Usage: sakuteiSetup.ts <request.json>; prints the manifest (key → plan id, doc name) as JSON.
 */
type Request = { dataDir: string; keys: string[]; preload: Record<string, string> };

const request = JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8')) as Request;
const storage = openSqliteStorage(request.dataDir);
try {
  await seedDemo(storage);
  const council = (await storage.workspaces.listWorkspaces()).find((w) => w.name === DEMO_COUNCIL_NAME);
  if (!council) throw new Error('the demo council was not seeded');
  const manifest: Record<string, { planId: string; docName: string }> = {};
  for (const key of request.keys) {
    const planId = newId();
    const docName = docNameForPlan(planId);
    await storage.workspaces.createPlan({ id: planId, workspaceId: council.id, title: `bench ${key}`, docName });
    manifest[key] = { planId, docName };
  }
  for (const [key, file] of Object.entries(request.preload)) {
    const entry = manifest[key];
    if (!entry) throw new Error(`preload for unknown key ${key}`);
    // As the demo seed stores its document: a snapshot with no log behind it.
    await storage.docs.compact(entry.docName, new Uint8Array(fs.readFileSync(file)), 0);
  }
  console.log(JSON.stringify(manifest));
} finally {
  await storage.close();
}
