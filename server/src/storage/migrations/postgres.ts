/**
 * Numbered schema migrations for PostgreSQL, the same steps as SQLITE_MIGRATIONS (migration N
 * here is migration N there). Never edit one that has shipped; add the next, to both lists.
 * The table `schema_migrations` records each one applied.
 *
 * Translation: times and ids are BIGINT milliseconds, blobs BYTEA, JSON is kept as TEXT (the
 * audit chain hashes the exact stored text, and JSONB would rewrite it), and the triggers
 * raise the same messages as SQLite's. Where SQLite relies on its implicit rowid to break ties
 * between equal timestamps, a `row_order` identity column makes that order explicit.
 */
export const POSTGRES_MIGRATIONS: readonly string[] = [
  // 1: accounts, councils, plans, and the document log; and the signing key every server
  // process shares (SQLite's single process keeps it in the data folder instead)
  `
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL,
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    is_demo BOOLEAN NOT NULL DEFAULT FALSE,
    created_at BIGINT NOT NULL
  );
  -- SQLite's COLLATE NOCASE: one account per address, whatever its case.
  CREATE UNIQUE INDEX users_email ON users (lower(email));
  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    expires_at BIGINT NOT NULL
  );
  CREATE INDEX sessions_user ON sessions(user_id);
  CREATE TABLE workspaces (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    row_order BIGINT GENERATED ALWAYS AS IDENTITY
  );
  CREATE TABLE memberships (
    workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('chair','vice_chair','member','staff','observer')),
    PRIMARY KEY (workspace_id, user_id)
  );
  CREATE INDEX memberships_user ON memberships(user_id);
  CREATE TABLE plans (
    id TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    doc_name TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    row_order BIGINT GENERATED ALWAYS AS IDENTITY
  );
  CREATE TABLE doc_updates (
    id BIGSERIAL PRIMARY KEY,
    doc_name TEXT NOT NULL,
    data BYTEA NOT NULL
  );
  CREATE INDEX doc_updates_doc ON doc_updates(doc_name, id);
  CREATE TABLE doc_snapshots (
    doc_name TEXT PRIMARY KEY,
    data BYTEA NOT NULL,
    up_to_id BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
  );
  CREATE TABLE server_secret (
    id SMALLINT PRIMARY KEY CHECK (id = 1),
    key BYTEA NOT NULL,
    created_at BIGINT NOT NULL
  );
  `,
  // 2: review comments: threads anchored to the prose or the measure table, their comments,
  // mentions, and in-app notifications
  `
  CREATE TABLE threads (
    id TEXT PRIMARY KEY,
    plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    anchor TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open','resolved')),
    disposition TEXT CHECK (disposition IN ('reflect','partial','notReflect','considering')),
    response TEXT NOT NULL DEFAULT '',
    author_id TEXT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    resolved_by TEXT REFERENCES users(id),
    resolved_at BIGINT,
    UNIQUE (plan_id, number)
  );
  CREATE TABLE comments (
    id TEXT PRIMARY KEY,
    thread_id TEXT NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
    author_id TEXT NOT NULL REFERENCES users(id),
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    edited_at BIGINT,
    deleted_at BIGINT,
    row_order BIGINT GENERATED ALWAYS AS IDENTITY
  );
  CREATE INDEX comments_thread ON comments(thread_id, created_at);
  CREATE TABLE comment_mentions (
    comment_id TEXT NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    PRIMARY KEY (comment_id, user_id)
  );
  CREATE TABLE notifications (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('mention','reply')),
    thread_id TEXT NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
    comment_id TEXT NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
    actor_id TEXT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL,
    read_at BIGINT
  );
  CREATE INDEX notifications_user ON notifications(user_id, created_at);
  `,
  // 3: frozen revisions with their review, invited observers, threads on a revision, and the
  // append-only, hash-chained audit log
  `
  CREATE TABLE revisions (
    id TEXT PRIMARY KEY,
    plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    name TEXT NOT NULL,
    stage TEXT NOT NULL,
    author_id TEXT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL,
    state BYTEA NOT NULL,
    canonical TEXT NOT NULL,
    hash TEXT NOT NULL,
    review TEXT NOT NULL,
    delegate_id TEXT REFERENCES users(id),
    review_opened_at BIGINT,
    decided_at BIGINT,
    UNIQUE (plan_id, number)
  );
  -- A trigger that refuses its statement with the message it was created with.
  CREATE FUNCTION sakutei_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'restrict_violation';
  END;
  $$;
  -- What was frozen never changes: only the review columns may. Like SQLite's UPDATE OF, this
  -- fires when a statement sets one of these columns, even to the value it already has.
  CREATE TRIGGER revisions_frozen BEFORE UPDATE OF id, plan_id, number, name, stage, author_id, created_at, state, canonical, hash
    ON revisions FOR EACH ROW EXECUTE FUNCTION sakutei_refuse('a revision never changes');
  CREATE TABLE revision_invites (
    revision_id TEXT NOT NULL REFERENCES revisions(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    PRIMARY KEY (revision_id, user_id)
  );
  ALTER TABLE threads ADD COLUMN revision_id TEXT REFERENCES revisions(id);
  CREATE TABLE audit_log (
    seq BIGINT PRIMARY KEY,
    at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    workspace_id TEXT,
    plan_id TEXT,
    actor_id TEXT,
    details TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
  );
  CREATE INDEX audit_log_plan ON audit_log(plan_id, seq);
  CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION sakutei_refuse('the audit log is append-only');
  CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION sakutei_refuse('the audit log is append-only');
  -- SQLite has no TRUNCATE; here it would empty the table without firing the row triggers.
  CREATE TRIGGER audit_log_append_only_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION sakutei_refuse('the audit log is append-only');
  `,
  // 4: running a council without the CLI: installation administrators and deactivated
  // accounts, archived councils, members' attributes and terms, plan period, status and
  // editions, invitations, one-time account links (first-run setup, password reset), and a
  // durable outbox for e-mail
  `
  ALTER TABLE users ADD COLUMN is_admin BOOLEAN NOT NULL DEFAULT FALSE;
  ALTER TABLE users ADD COLUMN deactivated_at BIGINT;
  ALTER TABLE workspaces ADD COLUMN archived_at BIGINT;
  ALTER TABLE memberships ADD COLUMN affiliation TEXT NOT NULL DEFAULT '';
  ALTER TABLE memberships ADD COLUMN category TEXT CHECK (category IN ('academic','business','association','public','government'));
  ALTER TABLE memberships ADD COLUMN term_from TEXT;
  ALTER TABLE memberships ADD COLUMN term_to TEXT;
  ALTER TABLE plans ADD COLUMN period_from BIGINT;
  ALTER TABLE plans ADD COLUMN period_to BIGINT;
  ALTER TABLE plans ADD COLUMN status TEXT NOT NULL DEFAULT 'drafting' CHECK (status IN ('drafting','active','ended'));
  ALTER TABLE plans ADD COLUMN previous_plan_id TEXT REFERENCES plans(id);
  ALTER TABLE plans ADD COLUMN archived_at BIGINT;
  ALTER TABLE plans ADD COLUMN edited_at BIGINT;
  CREATE TABLE invitations (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('chair','vice_chair','member','staff','observer')),
    affiliation TEXT NOT NULL DEFAULT '',
    category TEXT CHECK (category IN ('academic','business','association','public','government')),
    term_from TEXT,
    term_to TEXT,
    invited_by TEXT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    accepted_at BIGINT,
    accepted_by TEXT REFERENCES users(id),
    revoked_at BIGINT
  );
  -- SQLite's COLLATE NOCASE: addresses compare whatever their case.
  CREATE INDEX invitations_email ON invitations (lower(email));
  CREATE INDEX invitations_workspace ON invitations(workspace_id, created_at);
  CREATE TABLE account_tokens (
    token_hash TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('setup','reset')),
    user_id TEXT REFERENCES users(id) ON DELETE CASCADE,
    created_by TEXT REFERENCES users(id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
  );
  CREATE TABLE mail_outbox (
    id TEXT PRIMARY KEY,
    to_address TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    claimed_until BIGINT,
    sent_at BIGINT,
    last_error TEXT
  );
  CREATE INDEX mail_outbox_due ON mail_outbox(sent_at, next_attempt_at);
  `,
  // 5: notifications of the review workflow besides comments (a review opened, sent back,
  // approved; a 対応方針 recorded), so thread and comment become optional and a revision may be
  // named; mailed_at says a notification has gone out by e-mail (or never will), and each user
  // chooses e-mail at once, in a daily digest, or not at all. Notifications from before were
  // never mailed and are not to be now: they count as handled.
  `
  ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
  ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('mention','reply','reviewOpened','changesRequested','approved','responded'));
  ALTER TABLE notifications ALTER COLUMN thread_id DROP NOT NULL, ALTER COLUMN comment_id DROP NOT NULL;
  ALTER TABLE notifications
    ADD COLUMN plan_id TEXT REFERENCES plans(id) ON DELETE CASCADE,
    ADD COLUMN revision_id TEXT REFERENCES revisions(id) ON DELETE CASCADE,
    ADD COLUMN detail TEXT NOT NULL DEFAULT '',
    ADD COLUMN mailed_at BIGINT;
  UPDATE notifications n SET plan_id = t.plan_id, mailed_at = n.created_at FROM threads t WHERE t.id = n.thread_id;
  ALTER TABLE notifications ALTER COLUMN plan_id SET NOT NULL;
  CREATE INDEX notifications_unmailed ON notifications(user_id) WHERE mailed_at IS NULL;
  ALTER TABLE users
    ADD COLUMN email_notifications TEXT NOT NULL DEFAULT 'immediate' CHECK (email_notifications IN ('immediate','daily','off')),
    ADD COLUMN digest_sent_at BIGINT;
  `,
  // 6: suggestion mode (見え消し): who decides suggestions in a council, a review's options,
  // and each decision with the text it accepted or rejected (as SQLite's migration 6)
  `
  ALTER TABLE workspaces ADD COLUMN suggestion_deciders TEXT NOT NULL DEFAULT 'editors'
    CHECK (suggestion_deciders IN ('editors','chair'));
  ALTER TABLE revisions
    ADD COLUMN suggestions_only BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN require_suggestions_decided BOOLEAN NOT NULL DEFAULT FALSE;
  CREATE TABLE suggestion_decisions (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    suggestion_id TEXT NOT NULL,
    decision TEXT NOT NULL CHECK (decision IN ('accept','reject')),
    author_id TEXT NOT NULL,
    suggested_at BIGINT NOT NULL,
    inserted TEXT NOT NULL,
    deleted TEXT NOT NULL,
    decided_by TEXT NOT NULL REFERENCES users(id),
    decided_at BIGINT NOT NULL,
    conflict_of TEXT
  );
  CREATE INDEX suggestion_decisions_plan ON suggestion_decisions(plan_id, seq);
  `,
  // 7: a review's option that lets the observers it invited suggest on the live draft (as SQLite's migration 7)
  `
  ALTER TABLE revisions ADD COLUMN invited_may_suggest BOOLEAN NOT NULL DEFAULT FALSE;
  `,
  // 8: what a decided suggestion proposed besides wording (formatting, new paragraphs, joins,
  // retyping), as JSON {formats, structure}: the history names it after the marks are gone.
  `
  ALTER TABLE suggestion_decisions ADD COLUMN changes TEXT NOT NULL DEFAULT '{}';
  `,
  // 9: meetings of a council, their agenda and attendance, and the council's quorum rule (as SQLite's migration 9)
  `
  ALTER TABLE workspaces ADD COLUMN meeting_quorum TEXT;
  CREATE TABLE meetings (
    id TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('regular','extraordinary','subcommittee','written')),
    subcommittee TEXT,
    title TEXT NOT NULL DEFAULT '',
    date TEXT NOT NULL,
    start_time TEXT,
    end_time TEXT,
    place TEXT NOT NULL DEFAULT '',
    online_url TEXT,
    status TEXT NOT NULL CHECK (status IN ('scheduled','held','minutesConfirmed','published')),
    agenda_sent_at BIGINT,
    version INTEGER NOT NULL,
    created_by TEXT REFERENCES users(id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
  );
  CREATE INDEX meetings_workspace ON meetings(workspace_id, date);
  CREATE TABLE meeting_agenda_items (
    id TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    presenter TEXT NOT NULL DEFAULT '',
    minutes INTEGER,
    links TEXT NOT NULL DEFAULT '[]',
    changed_after_sent BOOLEAN NOT NULL DEFAULT FALSE
  );
  CREATE INDEX meeting_agenda_items_meeting ON meeting_agenda_items(meeting_id, position);
  CREATE TABLE meeting_attendance (
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    attendance TEXT NOT NULL CHECK (attendance IN ('present','online','proxy','absent')),
    proxy_name TEXT,
    PRIMARY KEY (meeting_id, user_id)
  );
  `,
  // Meeting materials (資料, issue 17 item 3): uploads with their bytes, in order per meeting.
  // The bytes sit in the same database so backups and deletions carry them.
  `
  CREATE TABLE meeting_materials (
    id TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    file_name TEXT NOT NULL,
    file_type TEXT NOT NULL CHECK (file_type IN ('pdf','docx','xlsx')),
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    content BYTEA NOT NULL,
    created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
  );
  CREATE INDEX meeting_materials_meeting ON meeting_materials(meeting_id, position);
  CREATE INDEX meeting_materials_workspace ON meeting_materials(workspace_id);
  `,
  // 11: decisions taken in a meeting (議決・報告・了承, and reviews decided there, issue 17 item 5).
  // The agenda item is named by id only: the agenda is replaced whole on every edit, so a foreign
  // key would take the decisions with it. The vote is JSON (全会一致 or counts); a review decision
  // names its revision.
  `
  CREATE TABLE meeting_decisions (
    id TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    agenda_item_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('resolution','report','acknowledgement','reviewApproved','reviewReturned')),
    text TEXT NOT NULL,
    vote TEXT,
    revision_id TEXT,
    decided_at BIGINT NOT NULL,
    decided_by TEXT REFERENCES users(id) ON DELETE SET NULL
  );
  CREATE INDEX meeting_decisions_meeting ON meeting_decisions(meeting_id, decided_at);
  CREATE INDEX meeting_decisions_revision ON meeting_decisions(revision_id);
  `,
  // 12: the minutes of a meeting (議事録, issue 17 item 6). The text is a live document of its own
  // (minutes-<meetingId> in the document store); here are its state (draft → sent → confirmed),
  // what confirmation froze (the prose as canonical JSON, its plain text and the JSON's SHA-256)
  // and how names are published; and the corrections members suggest to the sent minutes.
  // Both go with their meeting.
  `
  CREATE TABLE meeting_minutes (
    meeting_id TEXT PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
    state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft','sent','confirmed')),
    sent_at BIGINT,
    sent_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    confirmed_at BIGINT,
    confirmed_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    hash TEXT,
    frozen_json TEXT,
    frozen_text TEXT,
    publish_names TEXT NOT NULL DEFAULT 'anonymised' CHECK (publish_names IN ('asSpoken','anonymised')),
    version INTEGER NOT NULL DEFAULT 1
  );
  CREATE TABLE minutes_corrections (
    id TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    author_id TEXT REFERENCES users(id) ON DELETE SET NULL,
    quote TEXT NOT NULL,
    proposal TEXT NOT NULL,
    reason TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('open','applied','declined')),
    created_at BIGINT NOT NULL,
    resolved_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    resolved_at BIGINT
  );
  CREATE INDEX minutes_corrections_meeting ON minutes_corrections(meeting_id, created_at);
  `,
  // 13: generated materials (issue 17 item 3): a material may be a frozen revision, its 新旧対照表 or
  // the 委員意見と対応 table, rendered when downloaded. Such a row names its kind, plan and revision
  // and keeps no bytes (content is empty, size 0), so it costs the council's byte quota nothing.
  // No foreign key to the revision: a vanished source leaves the row (and the 資料 numbering) in
  // place and its download answers 404.
  `
  ALTER TABLE meeting_materials ADD COLUMN source_kind TEXT CHECK (source_kind IN ('revision','compare','opinions'));
  ALTER TABLE meeting_materials ADD COLUMN source_plan_id TEXT;
  ALTER TABLE meeting_materials ADD COLUMN source_revision_id TEXT;
  `,
  // 14: notifications of a meeting (issue 17), naming its council and meeting instead of a plan
  // (as SQLite's migration 14)
  `
  ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
  ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('mention','reply','reviewOpened','changesRequested','approved','responded',
    'meeting.agendaSent','meeting.minutesSent','meeting.minutesCorrection'));
  ALTER TABLE notifications ALTER COLUMN plan_id DROP NOT NULL;
  ALTER TABLE notifications
    ADD COLUMN workspace_id TEXT REFERENCES workspaces(id) ON DELETE CASCADE,
    ADD COLUMN meeting_id TEXT REFERENCES meetings(id) ON DELETE CASCADE,
    ADD COLUMN label TEXT NOT NULL DEFAULT '';
  ALTER TABLE notifications ADD CONSTRAINT notifications_subject_check
    CHECK (plan_id IS NOT NULL OR (workspace_id IS NOT NULL AND meeting_id IS NOT NULL));
  CREATE INDEX notifications_meeting ON notifications(meeting_id) WHERE meeting_id IS NOT NULL;
  `,
];
