#include "core/database.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "core/translate.h"

namespace exemplar {

namespace {

constexpr int busy_timeout_ms = 10000;

std::string describe(sqlite3* db, int rc) {
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        return tr({"数据库正被另一个程序使用，请稍后再试", "the database is in use by another program; try again later"});
    if (rc == SQLITE_FULL) return tr({"磁盘已满", "the disk is full"});
    if (rc == SQLITE_READONLY) return tr({"数据库文件是只读的", "the database file is read-only"});
    if (rc == SQLITE_CANTOPEN) return tr({"无法打开数据库文件", "cannot open the database file"});
    if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT)
        return tr({"这不是 Exemplar 数据库，或者文件已损坏", "this is not an Exemplar database, or the file is damaged"});
    return db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
}

}  // namespace

Database Database::open(const std::filesystem::path& path, Mode mode) {
    const std::string name = path.string();
    bool created = false;
    std::error_code error;
    if (!std::filesystem::exists(path, error)) {
        if (mode != Mode::create)
            throw DatabaseError(tr({"数据库 {0} 不存在（请先导入花名册）", "there is no database at {0} (import a roster first)"}, name),
                                SQLITE_CANTOPEN);
        if (path.has_parent_path()) {
            std::filesystem::create_directories(path.parent_path(), error);
            if (error)
                throw DatabaseError(tr({"无法创建文件夹 {0}：{1}", "cannot create the folder {0}: {1}"}, path.parent_path().string(),
                                       error.message()),
                                    SQLITE_CANTOPEN);
        }
        // Owner-only from the first byte: evaluations are personal data.
        const int fd = ::open(name.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd < 0)
            throw DatabaseError(tr({"无法创建数据库 {0}", "cannot create the database {0}"}, name), SQLITE_CANTOPEN);
        ::close(fd);
        created = true;
    }
    sqlite3* db = nullptr;
    const int flags = (mode == Mode::read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(name.c_str(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const std::string message = describe(db, rc);
        sqlite3_close(db);
        if (created) std::filesystem::remove(path, error);
        throw DatabaseError(name + ": " + message, rc);
    }
    Database database(db, path, created);
    sqlite3_busy_timeout(db, busy_timeout_ms);
    sqlite3_extended_result_codes(db, 1);
    database.execute("PRAGMA foreign_keys = ON");
    if (mode != Mode::read_only) {
        // WAL lets readers (a report) go on while one writer imports.
        Statement journal(database, "PRAGMA journal_mode = WAL");
        journal.step();
        database.execute("PRAGMA synchronous = NORMAL");
    }
    return database;
}

Database Database::in_memory() {
    sqlite3* db = nullptr;
    const int rc = sqlite3_open(":memory:", &db);
    if (rc != SQLITE_OK) {
        sqlite3_close(db);
        throw DatabaseError(sqlite3_errstr(rc), rc);
    }
    Database database(db, ":memory:", true);
    database.execute("PRAGMA foreign_keys = ON");
    return database;
}

Database::Database(Database&& other) noexcept
    : db_(other.db_), path_(std::move(other.path_)), created_(other.created_) {
    other.db_ = nullptr;
}

Database& Database::operator=(Database&& other) noexcept {
    if (this != &other) {
        if (db_ != nullptr) sqlite3_close_v2(db_);
        db_ = other.db_;
        path_ = std::move(other.path_);
        created_ = other.created_;
        other.db_ = nullptr;
    }
    return *this;
}

Database::~Database() {
    if (db_ != nullptr) sqlite3_close_v2(db_);
}

void Database::check(int rc, std::string_view what) const {
    if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW) return;
    const int primary = rc & 0xFF;
    std::string message = describe(db_, primary);
    if (primary != SQLITE_BUSY && primary != SQLITE_LOCKED && primary != SQLITE_FULL && primary != SQLITE_READONLY)
        message = std::string(what) + ": " + message;
    throw DatabaseError(path_.string() + ": " + message, primary);
}

void Database::execute(std::string_view sql) {
    char* error = nullptr;
    const std::string text(sql);
    const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error);
    if (error != nullptr) sqlite3_free(error);
    check(rc, text.substr(0, 60));
}

std::int64_t Database::last_insert_id() const { return sqlite3_last_insert_rowid(db_); }
int Database::changes() const { return sqlite3_changes(db_); }

Statement::Statement(const Database& db, std::string_view sql) : db_(&db) {
    const int rc = sqlite3_prepare_v3(db.handle(), sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                      &statement_, nullptr);
    db.check(rc, sql.substr(0, 60));
}

Statement::Statement(Statement&& other) noexcept : db_(other.db_), statement_(other.statement_) {
    other.statement_ = nullptr;
}

Statement::~Statement() {
    if (statement_ != nullptr) sqlite3_finalize(statement_);
}

Statement& Statement::bind(int index, std::int64_t value) {
    db_->check(sqlite3_bind_int64(statement_, index, value), "bind");
    return *this;
}

Statement& Statement::bind(int index, double value) {
    db_->check(sqlite3_bind_double(statement_, index, value), "bind");
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    db_->check(sqlite3_bind_text64(statement_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8), "bind");
    return *this;
}

Statement& Statement::bind_blob(int index, std::span<const std::uint8_t> bytes) {
    // A zero-length blob is still a blob, not NULL.
    static const std::uint8_t empty = 0;
    db_->check(sqlite3_bind_blob64(statement_, index, bytes.empty() ? &empty : bytes.data(), bytes.size(), SQLITE_TRANSIENT),
               "bind");
    return *this;
}

Statement& Statement::bind_blob_in_place(int index, std::span<const std::uint8_t> bytes) {
    static const std::uint8_t empty = 0;
    db_->check(sqlite3_bind_blob64(statement_, index, bytes.empty() ? &empty : bytes.data(), bytes.size(), SQLITE_STATIC), "bind");
    return *this;
}

Statement& Statement::bind_null(int index) {
    db_->check(sqlite3_bind_null(statement_, index), "bind");
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(statement_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    sqlite3_reset(statement_);
    db_->check(rc, sqlite3_sql(statement_));
    return false;
}

void Statement::run() {
    while (step()) {
    }
    sqlite3_reset(statement_);
}

void Statement::reset() {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
}

std::int64_t Statement::integer(int column) const { return sqlite3_column_int64(statement_, column); }
double Statement::real(int column) const { return sqlite3_column_double(statement_, column); }
bool Statement::is_null(int column) const { return sqlite3_column_type(statement_, column) == SQLITE_NULL; }

std::string Statement::text(int column) const { return std::string(text_view(column)); }

std::string_view Statement::text_view(int column) const {
    const auto* data = sqlite3_column_text(statement_, column);
    const int size = sqlite3_column_bytes(statement_, column);
    if (data == nullptr) return {};
    return std::string_view(reinterpret_cast<const char*>(data), static_cast<std::size_t>(size));
}

std::span<const std::uint8_t> Statement::blob(int column) const {
    const auto* data = static_cast<const std::uint8_t*>(sqlite3_column_blob(statement_, column));
    const int size = sqlite3_column_bytes(statement_, column);
    if (data == nullptr) return {};
    return {data, static_cast<std::size_t>(size)};
}

Transaction::Transaction(Database& db) : db_(db), nested_(sqlite3_get_autocommit(db.handle()) == 0) {
    db_.execute(nested_ ? "SAVEPOINT nested" : "BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
    if (!done_) {
        char* error = nullptr;
        sqlite3_exec(db_.handle(), nested_ ? "ROLLBACK TO nested; RELEASE nested" : "ROLLBACK", nullptr, nullptr, &error);
        if (error != nullptr) sqlite3_free(error);
    }
}

void Transaction::commit() {
    db_.execute(nested_ ? "RELEASE nested" : "COMMIT");
    done_ = true;
}

}  // namespace exemplar
