// The database file: owner-only, created and upgraded by numbered
// migrations, refusing files it does not own or cannot understand.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include "core/assignment_bundles.h"
#include "core/database.h"
#include "core/roster.h"
#include "core/schema.h"
#include "core/translate.h"
#include "support/temp_dir.h"

namespace exemplar {
namespace {

class DatabaseFile : public ::testing::Test {
protected:
    void SetUp() override { set_language(Language::english); }
    testing::TempDir dir;
    std::filesystem::path path = dir.path() / "sub" / "exemplar.db";

    int user_version() {
        Database db = Database::open(path, Database::Mode::existing);
        Statement q(db, "PRAGMA user_version");
        q.step();
        return static_cast<int>(q.integer(0));
    }
};

TEST_F(DatabaseFile, CreatedOwnerOnlyWithTheLatestSchema) {
    {
        Database db = Database::open(path, Database::Mode::create);
        EXPECT_TRUE(db.created());
        migrate(db);
    }
    struct stat info {};
    ASSERT_EQ(stat(path.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u);
    EXPECT_EQ(user_version(), latest_schema_version());
    Database again = Database::open(path, Database::Mode::existing);
    EXPECT_FALSE(again.created());
    Statement journal(again, "PRAGMA journal_mode");
    journal.step();
    EXPECT_EQ(journal.text(0), "wal");
}

TEST_F(DatabaseFile, AnOlderDatabaseUpgradesAndKeepsItsData) {
    {
        Database db = Database::open(path, Database::Mode::create);
        migrate(db, 1);
        db.execute("INSERT INTO departments(path) VALUES ('行署办公室')");
        db.execute("INSERT INTO people(code, name, department_id) VALUES ('A01', '王思勇', 1)");
    }
    EXPECT_EQ(user_version(), 1);
    Database db = Database::open(path, Database::Mode::existing);
    migrate(db);
    EXPECT_EQ(user_version(), latest_schema_version());
    const auto people = load_people(db);
    ASSERT_EQ(people.size(), 1u);
    EXPECT_EQ(people[0].name, "王思勇");
    Statement columns(db, "SELECT unit_name, deadline FROM cycles");  // added by migration 2
    EXPECT_FALSE(columns.step());
}

// Schema 3 kept one row per assignment; 4 keeps one per rater and relation.
TEST_F(DatabaseFile, AssignmentsOfSchema3MoveIntoBundlesWithAnswersStatesAndComments) {
    {
        Database db = Database::open(path, Database::Mode::create);
        migrate(db, 3);
        db.execute("INSERT INTO cycles(id, name, plan_file, plan_yaml, created_at, secret) VALUES (7, 'c', 'p', 'y', 't', x'00')");
        // rater 0 rates 2 and 1 as peer (stored out of order), and himself.
        db.execute("INSERT INTO assignments(id, cycle_id, rater, ratee, relation, status, answers, locked, updated_at) VALUES "
                   "(1, 7, 0, 0, 0, 1, x'0100', 0, '2026-01-01 08:00'),"
                   "(2, 7, 0, 2, 2, 2, x'0304', 1, '2026-01-02 08:00'),"
                   "(3, 7, 0, 1, 2, 0, x'0000', 0, NULL),"
                   "(4, 7, 1, 0, 2, 2, x'0101', 0, '2026-01-03 08:00')");
        db.execute("INSERT INTO comment_answers(assignment_id, comment_id, text) VALUES (2, 'C1', '很好')");
    }
    Database db = Database::open(path, Database::Mode::existing);
    migrate(db);
    EXPECT_EQ(user_version(), latest_schema_version());
    const auto peer = read_bundle(db, 7, 0, Relation::peer);
    ASSERT_TRUE(peer.has_value());
    EXPECT_EQ(peer->ratees, (std::vector<std::uint32_t>{1, 2}));
    EXPECT_EQ(peer->states, (std::vector<std::uint8_t>{state_byte(AssignmentStatus::open, false), state_byte(AssignmentStatus::submitted, true)}));
    EXPECT_EQ(peer->answers, (AnswerRow{0, 0, 3, 4}));
    EXPECT_EQ(peer->items, 2u);
    const auto self = read_bundle(db, 7, 0, Relation::self);
    ASSERT_TRUE(self.has_value());
    EXPECT_EQ(self->answers, (AnswerRow{1, 0}));
    EXPECT_EQ(status_of_state(self->states.at(0)), AssignmentStatus::draft);
    EXPECT_TRUE(read_bundle(db, 7, 1, Relation::peer).has_value());
    EXPECT_FALSE(read_bundle(db, 7, 1, Relation::self).has_value());
    std::size_t assignments = 0;
    for_each_bundle(db, 7, [&](const BundleView& bundle) { assignments += bundle.count; }, false);
    EXPECT_EQ(assignments, 4u);
    Statement comment(db, "SELECT rater, ratee, relation, comment_id, text FROM assignment_comments");
    ASSERT_TRUE(comment.step());
    EXPECT_EQ(comment.integer(0), 0);
    EXPECT_EQ(comment.integer(1), 2);
    EXPECT_EQ(comment.integer(2), 2);
    EXPECT_EQ(comment.text(4), "很好");
    Statement old(db, "SELECT count(*) FROM sqlite_schema WHERE name IN ('assignments', 'comment_answers')");
    ASSERT_TRUE(old.step());
    EXPECT_EQ(old.integer(0), 0);
}

TEST_F(DatabaseFile, ANewerDatabaseIsRefusedAndLeftAlone) {
    {
        Database db = Database::open(path, Database::Mode::create);
        migrate(db);
        db.execute("PRAGMA user_version = 99");
    }
    const std::string before = testing::read_file(path);
    Database db = Database::open(path, Database::Mode::existing);
    try {
        migrate(db);
        FAIL() << "a newer database was accepted";
    } catch (const DatabaseError& error) {
        EXPECT_NE(std::string(error.what()).find("was made by a newer Exemplar (schema 99; this program knows up to"), std::string::npos)
            << error.what();
    }
    EXPECT_EQ(testing::read_file(path), before);
}

TEST_F(DatabaseFile, OtherFilesAreNotTakenForADatabase) {
    std::filesystem::create_directories(path.parent_path());
    {
        Database other = Database::open(path, Database::Mode::create);
        other.execute("CREATE TABLE notes(x)");
    }
    Database db = Database::open(path, Database::Mode::existing);
    EXPECT_THROW(migrate(db), DatabaseError);
    const auto text = dir.write("text.db", "just some text, not SQLite at all");
    EXPECT_THROW(
        {
            Database broken = Database::open(text, Database::Mode::existing);
            migrate(broken);
        },
        DatabaseError);
}

TEST_F(DatabaseFile, AMissingDatabaseIsNotCreatedUnlessAsked) {
    EXPECT_THROW(Database::open(path, Database::Mode::existing), DatabaseError);
    EXPECT_FALSE(std::filesystem::exists(path));
}

TEST_F(DatabaseFile, TransactionsRollBackUnlessCommitted) {
    Database db = Database::open(path, Database::Mode::create);
    migrate(db);
    {
        Transaction transaction(db);
        db.execute("INSERT INTO departments(path) VALUES ('甲')");
    }
    EXPECT_TRUE(load_departments(db).empty());
    {
        Transaction transaction(db);
        db.execute("INSERT INTO departments(path) VALUES ('乙')");
        transaction.commit();
    }
    EXPECT_EQ(load_departments(db), std::vector<std::string>{"乙"});
}

}  // namespace
}  // namespace exemplar
