// Access codes and the administrator password: checked, never stored readable.
#include <gtest/gtest.h>

#include "core/access_codes.h"
#include "core/admin_password.h"
#include "core/cycle_store.h"
#include "core/error.h"
#include "core/roster_import.h"
#include "core/schema.h"
#include "core/translate.h"
#include "support/office.h"

namespace exemplar {
namespace {

class Access : public ::testing::Test {
protected:
    void SetUp() override {
        set_language(Language::english);
        db = Database::open(dir.path() / "a.db", Database::Mode::create);
        testing::start_office_cycle(db);
        cycle = load_cycle(db, "2026年度");
    }
    testing::TempDir dir;
    Database db = Database::in_memory();
    Cycle cycle;
};

TEST_F(Access, CodesAreCheckedAndStoredOnlyAsHashes) {
    const auto codes = issue_access_codes(db, cycle);
    ASSERT_EQ(codes.size(), cycle.members.size());
    EXPECT_EQ(access_code_count(db, cycle), cycle.members.size());
    const IssuedCode& first = codes.front();
    EXPECT_EQ(first.code.size(), 9u);
    EXPECT_EQ(first.code[4], '-');
    EXPECT_TRUE(check_access_code(db, cycle, first.member, first.code));
    std::string lower = first.code;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    lower.erase(4, 1);
    EXPECT_TRUE(check_access_code(db, cycle, first.member, lower));  // case and dash ignored
    EXPECT_FALSE(check_access_code(db, cycle, codes[1].member, first.code));
    EXPECT_FALSE(check_access_code(db, cycle, first.member, ""));
    // Nowhere in the database file.
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    const std::string bytes = testing::read_file(dir.path() / "a.db");
    for (const IssuedCode& code : codes) EXPECT_EQ(bytes.find(code.code), std::string::npos);
}

TEST_F(Access, ReissuingReplacesTheOldCode) {
    const auto before = issue_access_codes(db, cycle, 2);
    ASSERT_EQ(before.size(), 1u);
    const auto after = issue_access_codes(db, cycle, 2);
    EXPECT_FALSE(check_access_code(db, cycle, 2, before[0].code));
    EXPECT_TRUE(check_access_code(db, cycle, 2, after[0].code));
    EXPECT_EQ(access_code_count(db, cycle), 1u);
}

TEST_F(Access, SlipsAreWritten) {
    const auto codes = issue_access_codes(db, cycle);
    const auto file = dir.path() / "slips.xlsx";
    write_access_slips(file, cycle, codes);
    EXPECT_GT(std::filesystem::file_size(file), 5000u);
}

TEST_F(Access, ClosedCyclesGetNoNewCodes) {
    close_cycle(db, "2026年度");
    EXPECT_THROW(issue_access_codes(db, load_cycle(db, "2026年度")), Refused);
}

TEST_F(Access, AdministratorPassword) {
    EXPECT_FALSE(has_admin_password(db));
    EXPECT_FALSE(check_admin_password(db, "anything"));
    EXPECT_THROW(set_admin_password(db, "short"), Refused);
    EXPECT_EQ(admin_password_problem("人事处密码八个字"), std::nullopt);  // eight characters, not bytes
    set_admin_password(db, "人事处 2026 password");
    EXPECT_TRUE(has_admin_password(db));
    EXPECT_TRUE(check_admin_password(db, "人事处 2026 password"));
    EXPECT_FALSE(check_admin_password(db, "人事处 2026 Password"));
}

}  // namespace
}  // namespace exemplar
