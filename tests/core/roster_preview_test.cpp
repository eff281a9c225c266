// Previewing a roster file: the same checks as the import, nothing written,
// each row with what the import would do to it.
#include <gtest/gtest.h>

#include "core/roster.h"
#include "core/roster_import.h"
#include "core/schema.h"
#include "core/table_reader.h"
#include "core/translate.h"
#include "support/office.h"

namespace exemplar {
namespace {

class RosterPreviewTest : public ::testing::Test {
protected:
    void SetUp() override {
        set_language(Language::english);
        migrate(db);
    }
    Database db = Database::in_memory();
};

TEST_F(RosterPreviewTest, ProblemsAreLocatedAndNothingIsWritten) {
    auto table = csv_table("bad.csv",
                           "工号,姓名,部门,负责人\n"
                           "A01,王主任,行署办公室,是\n"
                           "A02,,行署办公室,否\n"
                           "A01,重复,行署办公室,否\n"
                           "A04,李四,行署办公室,也许\n");
    const RosterPreview preview = preview_roster(db, *table);
    EXPECT_FALSE(preview.importable());
    ASSERT_EQ(preview.problems.size(), 3u);
    EXPECT_EQ(preview.problems[0].to_string().substr(0, 12), "bad.csv:3:2:");
    EXPECT_EQ(preview.problems[1].to_string().substr(0, 12), "bad.csv:4:1:");
    EXPECT_EQ(preview.problems[2].to_string().substr(0, 12), "bad.csv:5:4:");
    EXPECT_EQ(preview.rows.size(), 4u);
    EXPECT_TRUE(load_people(db).empty());
}

TEST_F(RosterPreviewTest, AMissingColumnIsAProblemNotAnException) {
    auto table = csv_table("short.csv", "工号,姓名\nA01,王主任\n");
    const RosterPreview preview = preview_roster(db, *table);
    EXPECT_FALSE(preview.importable());
    EXPECT_TRUE(preview.rows.empty());
}

TEST_F(RosterPreviewTest, RowsSayWhatTheImportWouldDo) {
    auto first = csv_table("roster.csv", testing::office_roster);
    const RosterPreview fresh = preview_roster(db, *first);
    ASSERT_TRUE(fresh.importable());
    ASSERT_EQ(fresh.rows.size(), 9u);
    for (const RosterPreviewRow& row : fresh.rows) EXPECT_EQ(row.action, RosterAction::add);
    EXPECT_EQ(fresh.rows[1].row, 3u);
    EXPECT_EQ(fresh.rows[1].person.department, "行署办公室/秘书科");
    EXPECT_TRUE(fresh.rows[1].person.is_head);
    EXPECT_TRUE(load_people(db).empty());

    auto again = csv_table("roster.csv", testing::office_roster);
    import_roster(db, *again);
    auto changed = csv_table("changed.csv", "工号,姓名,部门\nA03,张一,行署办公室/综合科\nA04,赵二,行署办公室/秘书科\nA10,钱八,行署办公室\n");
    const RosterPreview preview = preview_roster(db, *changed);
    ASSERT_TRUE(preview.importable());
    ASSERT_EQ(preview.rows.size(), 3u);
    EXPECT_EQ(preview.rows[0].action, RosterAction::update);
    EXPECT_EQ(preview.rows[0].person.position, "科员");  // kept: not in the file
    EXPECT_EQ(preview.rows[1].action, RosterAction::unchanged);
    EXPECT_EQ(preview.rows[2].action, RosterAction::add);
    EXPECT_EQ(load_people(db).size(), 9u);
}

TEST_F(RosterPreviewTest, ASecondHeadIsRefusedAsByTheImport) {
    auto roster = csv_table("roster.csv", testing::office_roster);
    import_roster(db, *roster);
    auto table = csv_table("heads.csv", "工号,姓名,部门,负责人\nA03,张一,行署办公室/秘书科,是\n");
    const RosterPreview preview = preview_roster(db, *table);
    ASSERT_EQ(preview.problems.size(), 1u);
    EXPECT_EQ(preview.problems[0].line, 2);
    EXPECT_EQ(preview.problems[0].column, 4);
}

}  // namespace
}  // namespace exemplar
