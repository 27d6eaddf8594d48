import { parseArgs } from 'node:util';
import { Email, docNameForPlan, isRole } from '@sakutei/shared';
import { newId } from './auth/ids';
import { hashPassword, passwordProblem } from './auth/password';
import { PASSWORD_ON_ARGV, readPassword } from './cliPassword';
import { loadConfig } from './config';
import { createMailer } from './mail/mailer';
import { updateAccount } from './services/admin/accounts';
import { issueSetupLink } from './services/admin/setup';
import { memberSetRole } from './services/memberSetRole';
import { auditHeadLine, auditVerifyReport, isChainHash } from './services/auditAnchor';
import type { Storage } from './storage';
import { openStorage } from './storage/open';
import { BackupError, type DatabaseFacts, backupDatabase, restoreDatabase } from './storage/sqlite/backup';

const USAGE = `Sakutei administration (works on the server's storage, also while the server runs)

  pnpm cli user add --email E --name N
  pnpm cli user password --email E
                               the password is asked for at the prompt, or read from the first
                               line of stdin; never given on the command line
  pnpm cli user admin --email E [--off]
                               makes the account an installation administrator (--off: no longer)
  pnpm cli user deactivate --email E
                               the account can no longer sign in; its sessions end at once
  pnpm cli user activate --email E
  pnpm cli setup               a new one-time link that creates the first administrator in the
                               browser (only while there is none; earlier links stop working)
  pnpm cli workspace add --name N
  pnpm cli workspace list
  pnpm cli member set --workspace ID --email E --role chair|vice_chair|member|staff|observer
  pnpm cli member remove --workspace ID --email E
  pnpm cli member list --workspace ID
  pnpm cli mail test --to E    queues a test message (SAKUTEI_SMTP_URL must be set); the server sends it
  pnpm cli mail list           unsent mail in the outbox, with attempts and the last error
  pnpm cli audit verify [--head HASH]
                               checks the hash chain of the audit log; names the first broken entry;
                               with --head, also that a head written down earlier is still in it
  pnpm cli audit head          the newest entry's number and hash (keep it outside the database)
  pnpm cli plan add --workspace ID --title T
  pnpm cli backup --to FILE    consistent copy of the database, also while the server runs;
                               verified, then renamed into place
  pnpm cli restore --from FILE [--force]
                               installs a backup as the database; the server must be stopped;
                               --force replaces an existing database (kept beside it, renamed);
                               a secret.key next to FILE is copied too

The data folder is SAKUTEI_DATA_DIR (default ./data). With DATABASE_URL set, every command
but backup and restore works on that PostgreSQL database instead (back it up with pg_dump).
Role changes reach open editor connections within SAKUTEI_REVALIDATE_MS (10 s by default).
Exit codes: 0 done, 1 failed or refused, 2 usage, 3 audit log broken (or --head not in it).`;

/** Backup and restore copy the SQLite file; a PostgreSQL database has its own tools for that. */
const POSTGRES_BACKUP =
  'backup and restore work on the SQLite database in the data folder, but DATABASE_URL is set: ' +
  'back up PostgreSQL with pg_dump (pg_dump --format=custom --file=sakutei.dump "$DATABASE_URL") ' +
  'and restore with pg_restore (pg_restore --clean --dbname="$DATABASE_URL" sakutei.dump), servers stopped';

class UsageError extends Error {}
/** The audit chain does not verify: exit 3, so scripts can tell it from a usage mistake. */
class AuditBrokenError extends Error {}

function required(values: Record<string, string | boolean | undefined>, name: string): string {
  const raw = values[name];
  const v = typeof raw === 'string' ? raw.trim() : '';
  if (!v) throw new UsageError(`--${name} is required`);
  return v;
}

/** A new password from the prompt or stdin, held to the same rules as everywhere else. */
async function newPassword(): Promise<string> {
  const password = await readPassword('New password: ');
  const problem = passwordProblem(password);
  if (problem) throw new UsageError(problem.message);
  return password;
}

async function userByEmail(storage: Storage, raw: string) {
  const user = await storage.accounts.findUserByEmail(Email.parse(raw));
  if (!user) throw new UsageError(`no user with email ${raw}`);
  return user;
}

async function workspaceById(storage: Storage, id: string) {
  const ws = await storage.workspaces.findWorkspace(id);
  if (!ws) throw new UsageError(`no workspace ${id} (see: pnpm cli workspace list)`);
  return ws;
}

function describeDatabase(facts: DatabaseFacts): string {
  const { plans, threads, revisions, docUpdates } = facts.counts;
  const size = facts.bytes >= 1 << 20 ? `${(facts.bytes / (1 << 20)).toFixed(1)} MiB` : `${(facts.bytes / 1024).toFixed(1)} KiB`;
  return `${size}, integrity ok, schema ${facts.schema}; plans ${plans}, threads ${threads}, revisions ${revisions}, doc updates ${docUpdates}`;
}

/** Backup and restore work on the database file itself, so they run without opening storage. */
async function runFileCommand(command: string, v: Record<string, string | boolean | undefined>, dataDir: string): Promise<string> {
  if (command === 'backup') {
    const facts = await backupDatabase(dataDir, required(v, 'to'));
    return `backup ${facts.file}: ${describeDatabase(facts)}`;
  }
  const { facts, replaced, secret } = restoreDatabase(dataDir, required(v, 'from'), { force: v.force === true });
  return [
    `restored ${facts.file} into ${dataDir}: ${describeDatabase(facts)}`,
    ...(replaced ? [`the database it replaced is kept as ${replaced}`] : []),
    secret === 'copied'
      ? 'server secret: copied from beside the backup'
      : `server secret: ${secret}; collab tokens signed with another key are refused (clients fetch a new one, sessions stay valid)`,
  ].join('\n');
}

async function run(storage: Storage, [noun, verb]: string[], v: Record<string, string | boolean | undefined>): Promise<string> {
  switch ([noun, verb].filter(Boolean).join(' ')) {
    case 'user add': {
      const email = Email.safeParse(required(v, 'email'));
      if (!email.success) throw new UsageError('--email is not an email address');
      const name = required(v, 'name');
      if (await storage.accounts.findUserByEmail(email.data)) throw new UsageError(`${email.data} already exists`);
      const password = await newPassword();
      const id = newId();
      await storage.accounts.createUser({ id, email: email.data, name, passwordHash: await hashPassword(password), isDemo: false });
      return `user ${id} ${email.data}`;
    }
    case 'user password': {
      const user = await userByEmail(storage, required(v, 'email'));
      const password = await newPassword();
      await storage.accounts.setPassword(user.id, await hashPassword(password));
      await storage.accounts.deleteUserSessions(user.id);
      return `password changed for ${user.email}; their sessions were ended`;
    }
    case 'user admin': {
      const user = await userByEmail(storage, required(v, 'email'));
      const on = v.off !== true;
      if (!on && (await storage.admin.countActiveAdmins(loadConfig().demo)) <= 1 && (await storage.admin.userStatus(user.id))?.isAdmin) {
        throw new UsageError(`${user.email} is the last administrator`);
      }
      await storage.admin.setAdmin(user.id, on);
      await storage.audit.append({ at: Date.now(), kind: on ? 'admin.granted' : 'admin.revoked', workspaceId: null, planId: null, actorId: null, details: { userId: user.id, email: user.email, via: 'cli' } });
      return on ? `${user.email} is an administrator` : `${user.email} is no longer an administrator`;
    }
    case 'user deactivate':
    case 'user activate': {
      const user = await userByEmail(storage, required(v, 'email'));
      // The running server closes the account's sockets at its next sweep (SAKUTEI_REVALIDATE_MS).
      await updateAccount({ storage, demo: loadConfig().demo }, null, user.id, { active: verb === 'activate' });
      return verb === 'activate' ? `${user.email} can sign in again` : `${user.email} is deactivated; their sessions were ended`;
    }
    case 'setup': {
      const link = await issueSetupLink(storage);
      if (!link) throw new UsageError('this installation has an administrator already (see: pnpm cli user admin)');
      const { publicUrl, host, port } = loadConfig();
      return `Open this one-time link to create the first administrator (valid until ${new Date(link.expiresAt).toISOString()}):\n  ${publicUrl || `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`}${link.path}`;
    }
    case 'workspace add': {
      const id = newId();
      const name = required(v, 'name');
      await storage.workspaces.createWorkspace({ id, name });
      // Recorded like a council an administrator creates in the browser (no actor: the CLI).
      await storage.audit.append({ at: Date.now(), kind: 'council.created', workspaceId: id, planId: null, actorId: null, details: { name, via: 'cli' } });
      return `workspace ${id}`;
    }
    case 'workspace list':
      return (await storage.workspaces.listWorkspaces()).map((w) => `${w.id}\t${w.name}`).join('\n') || '(none)';
    case 'member set': {
      const ws = await workspaceById(storage, required(v, 'workspace'));
      const user = await userByEmail(storage, required(v, 'email'));
      const role = required(v, 'role');
      if (!isRole(role)) throw new UsageError(`unknown role ${role}`);
      await memberSetRole(storage, ws.id, user.id, role, null);
      return `${user.email} is ${role} in ${ws.name}`;
    }
    case 'member remove': {
      const ws = await workspaceById(storage, required(v, 'workspace'));
      const user = await userByEmail(storage, required(v, 'email'));
      const removed = await memberSetRole(storage, ws.id, user.id, null, null);
      return removed ? `${user.email} removed from ${ws.name}` : `${user.email} was not a member of ${ws.name}`;
    }
    case 'member list': {
      const ws = await workspaceById(storage, required(v, 'workspace'));
      return (await storage.workspaces.listMembers(ws.id)).map((m) => `${m.role}\t${m.email}\t${m.name}`).join('\n') || '(none)';
    }
    case 'mail test': {
      const to = Email.safeParse(required(v, 'to'));
      if (!to.success) throw new UsageError('--to is not an email address');
      const mail = createMailer(storage.mailOutbox, loadConfig().mail);
      if (!mail.enabled) throw new UsageError('SAKUTEI_SMTP_URL is not set: no mail would be sent');
      await mail.enqueue({
        to: to.data,
        subject: 'Sakutei: テストメール / test message',
        text: 'Sakutei からのテストメールです。このメールが届いていれば、送信の設定は正しく動いています。\n\nA test message from Sakutei: mail is set up correctly.',
      });
      return `test message to ${to.data} queued; a running server sends it`;
    }
    case 'mail list': {
      const unsent = await storage.mailOutbox.listUnsent(1000);
      const when = (ms: number) => new Date(ms).toISOString();
      return (
        unsent.map((m) => `${m.id}	${m.to}	attempts ${m.attempts}	next ${when(m.nextAttemptAt)}	${m.subject}${m.lastError ? `	${m.lastError}` : ''}`).join('\n') ||
        '(no unsent mail)'
      );
    }
    case 'audit verify': {
      const head = typeof v.head === 'string' ? v.head.trim().toLowerCase() : undefined;
      if (v.head !== undefined && !(head && isChainHash(head))) throw new UsageError('--head is a hash of 64 hex digits (see: pnpm cli audit head)');
      const { ok, message } = await auditVerifyReport(storage.audit, head);
      if (!ok) throw new AuditBrokenError(message);
      return message;
    }
    case 'audit head':
      return auditHeadLine(storage.audit);
    case 'plan add': {
      const ws = await workspaceById(storage, required(v, 'workspace'));
      const id = newId();
      await storage.workspaces.createPlan({ id, workspaceId: ws.id, title: required(v, 'title'), docName: docNameForPlan(id) });
      return `plan ${id} in ${ws.name}`;
    }
    default:
      throw new UsageError(`unknown command: ${[noun, verb].filter(Boolean).join(' ') || '(none)'}`);
  }
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      workspace: { type: 'string' },
      role: { type: 'string' },
      head: { type: 'string' },
      title: { type: 'string' },
      to: { type: 'string' },
      from: { type: 'string' },
      force: { type: 'boolean' },
      off: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.password !== undefined) throw new UsageError(PASSWORD_ON_ARGV);
  if (values.help || positionals.length === 0) {
    console.log(USAGE);
    return;
  }
  const { dataDir, databaseUrl } = loadConfig();
  const [command] = positionals;
  if (command === 'backup' || command === 'restore') {
    if (positionals.length > 1) throw new UsageError(`unexpected ${positionals.slice(1).join(' ')}`);
    if (databaseUrl) throw new BackupError(POSTGRES_BACKUP);
    console.log(await runFileCommand(command, values, dataDir));
    return;
  }
  const storage = await openStorage({ dataDir, databaseUrl });
  try {
    console.log(await run(storage, positionals, values));
  } finally {
    await storage.close();
  }
}

main().catch((err) => {
  // parseArgs rejects unknown options with a TypeError carrying this code: a usage mistake too.
  const usage = err instanceof UsageError || (err as { code?: string })?.code?.startsWith('ERR_PARSE_ARGS');
  console.error(usage ? `error: ${(err as Error).message}\n\n${USAGE}` : err instanceof Error ? `error: ${err.message}` : err);
  process.exit(usage ? 2 : err instanceof AuditBrokenError ? 3 : 1);
});
