// Answering in the desktop app through the core: every answer saved at once,
// the status following SPEC §4, submit refused until the required items are
// answered, then read-only.
#include <gtest/gtest.h>

#include "core/answer_sheet.h"
#include "core/audit_log.h"
#include "core/cycle_store.h"
#include "core/error.h"
#include "core/roster_import.h"
#include "core/schema.h"
#include "core/translate.h"
#include "support/office.h"

namespace exemplar {
namespace {

class AnswerSheets : public ::testing::Test {
protected:
    void SetUp() override {
        set_language(Language::english);
        testing::start_office_cycle(db);
        cycle = load_cycle(db, "2026年度");
        a03 = *cycle.member_by_code("A03");
        a04 = *cycle.member_by_code("A04");
    }
    Database db = Database::in_memory();
    Cycle cycle;
    std::size_t a03 = 0, a04 = 0;
};

TEST_F(AnswerSheets, TasksOfARater) {
    const auto tasks = tasks_of(db, cycle, a03);
    ASSERT_EQ(tasks.size(), 4u);  // self, and ballots for A02, A04, A05
    EXPECT_EQ(tasks[0].relation, Relation::self);
    EXPECT_EQ(tasks[0].items, 47u);
    for (std::size_t i = 1; i < tasks.size(); ++i) EXPECT_EQ(tasks[i].relation, Relation::peer);
}

TEST_F(AnswerSheets, AnswersAreSavedAtOnceAndSubmitLocks) {
    AnswerSheet sheet = AnswerSheet::open(db, cycle, a03, a03, Relation::self);
    EXPECT_EQ(sheet.status(), AssignmentStatus::open);
    sheet.set_answer(db, 0, answer_code(0));
    EXPECT_EQ(AnswerSheet::open(db, cycle, a03, a03, Relation::self).answer(0), answer_code(0));
    EXPECT_EQ(AnswerSheet::open(db, cycle, a03, a03, Relation::self).status(), AssignmentStatus::draft);
    EXPECT_EQ(sheet.missing_required().size(), 46u);
    EXPECT_THROW(sheet.submit(db), Refused);
    EXPECT_FALSE(AnswerSheet::open(db, cycle, a03, a03, Relation::self).locked());
    for (std::size_t i = 1; i < sheet.form().items.size(); ++i) sheet.set_answer(db, i, answer_code(1));
    sheet.set_comment(db, "C1", "学习还不够系统");
    EXPECT_EQ(sheet.status(), AssignmentStatus::submitted);  // SPEC §4: complete means submitted
    sheet.submit(db);
    const AnswerSheet reopened = AnswerSheet::open(db, cycle, a03, a03, Relation::self);
    EXPECT_TRUE(reopened.locked());
    EXPECT_TRUE(reopened.read_only());
    EXPECT_EQ(reopened.comment("C1"), "学习还不够系统");
    AnswerSheet again = AnswerSheet::open(db, cycle, a03, a03, Relation::self);
    EXPECT_THROW(again.set_answer(db, 0, answer_code(2)), Refused);
}

// The audit log notes each save, never what was answered or for whom.
TEST_F(AnswerSheets, SavesAreAuditedWithoutContentOrPeople) {
    const std::size_t before = read_audit_log(db).size();
    AnswerSheet ballot = AnswerSheet::open(db, cycle, a03, a04, Relation::peer);
    ballot.set_answer(db, 0, answer_code(3));
    AnswerSheet self = AnswerSheet::open(db, cycle, a03, a03, Relation::self);
    self.set_comment(db, "C1", "学习还不够系统");
    const auto log = read_audit_log(db, std::string("2026年度"));
    ASSERT_EQ(read_audit_log(db).size(), before + 2);
    for (std::size_t i = log.size() - 2; i < log.size(); ++i) {
        EXPECT_EQ(log[i].action, "answers.save");
        EXPECT_EQ(log[i].counts, "assignments=1");
        for (const std::string& field : {log[i].program, log[i].counts, log[i].cycle})
            for (const char* secret : {"A03", "A04", "学习还不够系统"}) EXPECT_EQ(field.find(secret), std::string::npos) << field;
    }
}

TEST_F(AnswerSheets, ClearingAnAnswerAndAClosedCycle) {
    AnswerSheet ballot = AnswerSheet::open(db, cycle, a03, a04, Relation::peer);
    ballot.set_answer(db, 0, answer_code(0));
    ballot.set_answer(db, 0, unanswered);
    EXPECT_EQ(AnswerSheet::open(db, cycle, a03, a04, Relation::peer).status(), AssignmentStatus::open);
    close_cycle(db, "2026年度");
    const Cycle closed = load_cycle(db, "2026年度");
    AnswerSheet frozen = AnswerSheet::open(db, closed, a03, a04, Relation::peer);
    EXPECT_TRUE(frozen.read_only());
    EXPECT_THROW(frozen.set_answer(db, 0, answer_code(0)), Refused);
    EXPECT_THROW(AnswerSheet::open(db, closed, a03, a03, Relation::head), Refused);  // no such assignment
}

}  // namespace
}  // namespace exemplar
