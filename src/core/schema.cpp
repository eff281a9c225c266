#include "core/schema.h"

#include <algorithm>
#include <string_view>

#include "core/assignment_bundles.h"
#include "core/audit_log.h"
#include "core/translate.h"

namespace exemplar {

namespace {

// "EXMP": marks the file as Exemplar's (PRAGMA application_id).
constexpr int application_id = 0x45584D50;

// Migration N brings the schema from version N-1 to N. Never edit one that
// has shipped: add the next.
constexpr std::string_view migrations[] = {
    // 1: roster, cycles with their snapshots, assignments with compact answers.
    R"sql(
CREATE TABLE departments (
    id        INTEGER PRIMARY KEY,
    path      TEXT NOT NULL UNIQUE,          -- 行署办公室/秘书科
    parent_id INTEGER REFERENCES departments(id)
);
CREATE TABLE people (
    id            INTEGER PRIMARY KEY,
    code          TEXT NOT NULL UNIQUE,      -- 工号
    name          TEXT NOT NULL,
    department_id INTEGER NOT NULL REFERENCES departments(id),
    position      TEXT NOT NULL DEFAULT '',
    is_head       INTEGER NOT NULL DEFAULT 0,
    active        INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX people_by_department ON people(department_id);
CREATE TABLE cycles (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    plan_file  TEXT NOT NULL,
    plan_yaml  TEXT NOT NULL,                -- the plan as it was when the cycle was created
    created_at TEXT NOT NULL,
    closed_at  TEXT,                         -- set: the cycle is frozen
    secret     BLOB NOT NULL                 -- HMAC key of its offline questionnaires
);
CREATE TABLE cycle_forms (
    cycle_id  INTEGER NOT NULL REFERENCES cycles(id) ON DELETE CASCADE,
    relation  INTEGER NOT NULL,              -- 0 self, 1 head, 2 peer
    form_id   TEXT NOT NULL,
    version   INTEGER NOT NULL,
    form_file TEXT NOT NULL,
    form_yaml TEXT NOT NULL,                 -- the form's full text at creation
    PRIMARY KEY (cycle_id, relation)
);
CREATE TABLE cycle_members (
    cycle_id   INTEGER NOT NULL REFERENCES cycles(id) ON DELETE CASCADE,
    member     INTEGER NOT NULL,             -- index within the cycle
    person_id  INTEGER NOT NULL REFERENCES people(id),
    code       TEXT NOT NULL,
    name       TEXT NOT NULL,
    department TEXT NOT NULL,                -- path at creation
    position   TEXT NOT NULL,
    is_head    INTEGER NOT NULL,
    PRIMARY KEY (cycle_id, member)
);
CREATE TABLE assignments (
    id         INTEGER PRIMARY KEY,
    cycle_id   INTEGER NOT NULL REFERENCES cycles(id) ON DELETE CASCADE,
    rater      INTEGER NOT NULL,             -- member index
    ratee      INTEGER NOT NULL,             -- member index
    relation   INTEGER NOT NULL,             -- 0 self, 1 head, 2 peer
    status     INTEGER NOT NULL DEFAULT 0,   -- 0 open, 1 draft, 2 submitted
    answers    BLOB NOT NULL,                -- one byte per item: 0 unanswered, k = k-th option
    updated_at TEXT,
    UNIQUE (cycle_id, rater, ratee, relation)
);
CREATE TABLE comment_answers (
    assignment_id INTEGER NOT NULL REFERENCES assignments(id) ON DELETE CASCADE,
    comment_id    TEXT NOT NULL,
    text          TEXT NOT NULL,
    PRIMARY KEY (assignment_id, comment_id)
);
)sql",
    // 2: what the report title and the questionnaire instructions show.
    R"sql(
ALTER TABLE cycles ADD COLUMN unit_name TEXT NOT NULL DEFAULT '';   -- 单位, e.g. 行署办公室
ALTER TABLE cycles ADD COLUMN deadline TEXT;                        -- 截止日期, e.g. 2026-12-31
CREATE INDEX assignments_by_ratee ON assignments(cycle_id, ratee);
)sql",
    // 3: who may sign in at the shared office computer, stored only as salted hashes.
    R"sql(
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE access_codes (
    cycle_id INTEGER NOT NULL REFERENCES cycles(id) ON DELETE CASCADE,
    member   INTEGER NOT NULL,               -- member index
    salt       BLOB NOT NULL,
    hash       BLOB NOT NULL,                -- PBKDF2-HMAC-SHA256 of the code
    iterations INTEGER NOT NULL,
    PRIMARY KEY (cycle_id, member)
);
-- submitted in the desktop app: shown read-only there from then on
ALTER TABLE assignments ADD COLUMN locked INTEGER NOT NULL DEFAULT 0;
)sql",
    // 4: assignments kept one row per rater and relation (assignment_bundles.h),
    // comments keyed by who rates whom. The old rows are moved over in C++.
    R"sql(
CREATE TABLE assignment_bundles (
    cycle_id   INTEGER NOT NULL REFERENCES cycles(id) ON DELETE CASCADE,
    rater      INTEGER NOT NULL,             -- member index
    relation   INTEGER NOT NULL,             -- 0 self, 1 head, 2 peer
    ratees     BLOB NOT NULL,                -- member index per assignment, 4 bytes little-endian, ascending
    states     BLOB NOT NULL,                -- per assignment: status (0 open, 1 draft, 2 submitted) + 4 when locked
    answers    BLOB NOT NULL,                -- per assignment, one byte per item: 0 unanswered, k = k-th option
    updated_at TEXT,
    PRIMARY KEY (cycle_id, rater, relation)
);
CREATE TABLE assignment_comments (
    cycle_id   INTEGER NOT NULL REFERENCES cycles(id) ON DELETE CASCADE,
    rater      INTEGER NOT NULL,
    ratee      INTEGER NOT NULL,
    relation   INTEGER NOT NULL,
    comment_id TEXT NOT NULL,
    text       TEXT NOT NULL,
    PRIMARY KEY (cycle_id, rater, ratee, relation, comment_id)
);
)sql",
    // 5: every change leaves a line (audit_log.h); counts only, never answers.
    R"sql(
CREATE TABLE audit_log (
    id      INTEGER PRIMARY KEY,
    at      TEXT NOT NULL,                   -- local time
    user    TEXT NOT NULL,                   -- operating-system user
    program TEXT NOT NULL,                   -- "exemplar responses import", "exemplar-gui"
    action  TEXT NOT NULL,                   -- "roster.import", "cycle.create", …
    cycle   TEXT,                            -- the cycle's name, when the change is in one
    counts  TEXT NOT NULL                    -- "added=40 updated=0"
);
CREATE INDEX audit_log_by_cycle ON audit_log(cycle);
)sql",
};

// Run after the SQL of the migration with the same number, in its transaction.
void move_data(Database& db, int migration) {
    if (migration == 4) {
        move_assignments_into_bundles(db);
        db.execute("DROP TABLE comment_answers; DROP TABLE assignments;");
    }
}

constexpr int migration_count = static_cast<int>(std::size(migrations));

int read_pragma(Database& db, const char* pragma) {
    Statement statement(db, std::string("PRAGMA ") + pragma);
    return statement.step() ? static_cast<int>(statement.integer(0)) : 0;
}

}  // namespace

int latest_schema_version() { return migration_count; }

void migrate(Database& db) { migrate(db, migration_count); }

void migrate(Database& db, int target) {
    const int version = read_pragma(db, "user_version");
    const int app_id = read_pragma(db, "application_id");
    if (version > migration_count)
        throw DatabaseError(tr({"数据库 {0} 由更新版本的 Exemplar 创建（结构版本 {1}，本程序支持到 {2}），请升级程序",
                                "the database {0} was made by a newer Exemplar (schema {1}; this program knows up to {2}): upgrade Exemplar"},
                               db.path().string(), version, migration_count),
                            0);
    if (app_id != 0 && app_id != application_id)
        throw DatabaseError(tr({"{0} 不是 Exemplar 数据库", "{0} is not an Exemplar database"}, db.path().string()), 0);
    if (version == 0) {
        Statement tables(db, "SELECT count(*) FROM sqlite_schema");
        if (tables.step() && tables.integer(0) > 0)
            throw DatabaseError(tr({"{0} 不是 Exemplar 数据库", "{0} is not an Exemplar database"}, db.path().string()), 0);
    }
    for (int next = version + 1; next <= std::min(target, migration_count); ++next) {
        Transaction transaction(db);
        db.execute(migrations[next - 1]);
        move_data(db, next);
        if (next >= 5) audit(db, "schema.upgrade", "", {{"version", next}});
        db.execute("PRAGMA application_id = " + std::to_string(application_id));
        db.execute("PRAGMA user_version = " + std::to_string(next));
        transaction.commit();
    }
}

}  // namespace exemplar
