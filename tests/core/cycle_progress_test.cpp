// A cycle's progress for HR: counts per department and per rater, and who
// still has tasks to finish.
#include <gtest/gtest.h>

#include "core/cycle_progress.h"
#include "core/cycle_store.h"
#include "core/roster_import.h"
#include "core/schema.h"
#include "core/table_reader.h"
#include "core/translate.h"
#include "support/office.h"

namespace exemplar {
namespace {

class CycleProgressTest : public ::testing::Test {
protected:
    void SetUp() override {
        set_language(Language::english);
        testing::start_office_cycle(db);
        cycle = load_cycle(db, "2026年度");
    }
    void set_status(const std::string& rater, AssignmentStatus status, int limit = -1) {
        testing::set_rater_status(db, cycle, *cycle.member_by_code(rater), status, limit);
    }
    const RaterProgress* rater(const CycleProgress& progress, const std::string& code) {
        for (const RaterProgress& r : progress.raters)
            if (r.code == code) return &r;
        return nullptr;
    }
    Database db = Database::in_memory();
    Cycle cycle;
};

TEST_F(CycleProgressTest, NothingDoneAtFirst) {
    const CycleProgress progress = cycle_progress(db, cycle);
    const CycleSummary summary = list_cycles(db).front();
    EXPECT_EQ(progress.assignments, summary.assignments);
    EXPECT_EQ(progress.submitted, 0);
    EXPECT_EQ(progress.draft, 0);
    ASSERT_EQ(progress.departments.size(), 3u);
    int people = 0, assignments = 0;
    for (const DepartmentProgress& d : progress.departments) {
        people += d.people;
        assignments += d.assignments;
    }
    EXPECT_EQ(people, 8);  // 郑六 is inactive
    EXPECT_EQ(assignments, progress.assignments);
    EXPECT_EQ(progress.raters.size(), 8u);
    EXPECT_EQ(unfinished_raters(progress).size(), 8u);
}

TEST_F(CycleProgressTest, CountsFollowTheStatuses) {
    set_status("A03", AssignmentStatus::submitted);
    set_status("A04", AssignmentStatus::draft, 1);
    const CycleProgress progress = cycle_progress(db, cycle);
    const RaterProgress* zhang = rater(progress, "A03");
    ASSERT_NE(zhang, nullptr);
    EXPECT_EQ(zhang->name, "张一");
    EXPECT_EQ(zhang->department, "行署办公室/秘书科");
    EXPECT_TRUE(zhang->finished());
    EXPECT_EQ(zhang->open, 0);
    EXPECT_EQ(zhang->draft, 0);
    EXPECT_EQ(zhang->submitted, zhang->tasks());
    const RaterProgress* zhao = rater(progress, "A04");
    ASSERT_NE(zhao, nullptr);
    EXPECT_EQ(zhao->draft, 1);
    EXPECT_EQ(zhao->open, zhao->tasks() - 1);
    EXPECT_EQ(progress.submitted, zhang->tasks());
    EXPECT_EQ(progress.draft, 1);
    int submitted = 0;
    for (const DepartmentProgress& d : progress.departments) submitted += d.submitted;
    EXPECT_EQ(submitted, zhang->tasks());
    const auto unfinished = unfinished_raters(progress);
    EXPECT_EQ(unfinished.size(), 7u);
    for (const RaterProgress& r : unfinished) EXPECT_NE(r.code, "A03");
}

}  // namespace
}  // namespace exemplar
