// RAII over SQLite: a Database owns the connection, a Statement a prepared
// statement, a Transaction rolls back unless committed. Errors throw
// DatabaseError (an exemplar::Error) carrying SQLite's code.
//   Database db = Database::open("exemplar.db", Database::Mode::create);
//   Transaction tx(db);
//   Statement insert(db, "INSERT INTO people(code, name) VALUES (?, ?)");
//   insert.bind(1, code).bind(2, name).run();
//   tx.commit();
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/error.h"

struct sqlite3;
struct sqlite3_stmt;

namespace exemplar {

class DatabaseError : public Error {
public:
    DatabaseError(std::string message, int code) : Error(std::move(message)), code_(code) {}
    int code() const { return code_; }

private:
    int code_;
};

class Database {
public:
    enum class Mode {
        existing,   // refuse when the file does not exist
        create,     // create the file (owner-only) when missing
        read_only,  // never write (for commands that only read)
    };

    static Database open(const std::filesystem::path& path, Mode mode);
    static Database in_memory();

    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    void execute(std::string_view sql);  // one or more statements without results
    sqlite3* handle() const { return db_; }
    const std::filesystem::path& path() const { return path_; }
    bool created() const { return created_; }  // this open made the file
    std::int64_t last_insert_id() const;
    int changes() const;

    // Throws DatabaseError for a failed call (result code rc).
    void check(int rc, std::string_view what) const;

private:
    Database(sqlite3* db, std::filesystem::path path, bool created) : db_(db), path_(std::move(path)), created_(created) {}
    sqlite3* db_ = nullptr;
    std::filesystem::path path_;
    bool created_ = false;
};

class Statement {
public:
    Statement(const Database& db, std::string_view sql);
    Statement(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
    Statement& bind_blob(int index, std::span<const std::uint8_t> bytes);
    // Not copied (many large rows): the bytes must stay as they are until the statement has run,
    // and the statement is bound anew before it runs again.
    Statement& bind_blob_in_place(int index, std::span<const std::uint8_t> bytes);
    Statement& bind_null(int index);
    Statement& bind(int index, const std::optional<std::string>& text) {
        return text ? bind(index, std::string_view(*text)) : bind_null(index);
    }

    // Steps once: true while a row is available.
    bool step();
    // Steps to the end (for statements without results), then resets.
    void run();
    void reset();  // reset and clear bindings

    std::int64_t integer(int column) const;
    double real(int column) const;
    std::string text(int column) const;
    std::string_view text_view(int column) const;  // valid until the next step
    std::span<const std::uint8_t> blob(int column) const;  // valid until the next step
    bool is_null(int column) const;

private:
    const Database* db_;
    sqlite3_stmt* statement_ = nullptr;
};

class Transaction {
public:
    // BEGIN IMMEDIATE: takes the write lock now (waiting up to the busy
    // timeout), so a long import never fails half-way on a lock. Inside
    // another transaction it is a savepoint: an import takes the lock before
    // it reads what it merges into, and its parts commit with the whole.
    explicit Transaction(Database& db);
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();
    void commit();

private:
    Database& db_;
    bool nested_ = false;
    bool done_ = false;
};

}  // namespace exemplar
