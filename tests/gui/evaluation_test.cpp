// The self-review: filled with the keyboard only, refused while items are
// missing, stored and locked on submit.
#include "gui_fixture.h"

#include "core/answer_sheet.h"
#include "core/cycle_store.h"
#include "gui/evaluation_panel.h"
#include "gui/tasks_panel.h"

namespace exemplar::gui::testing {
namespace {

class GuiEvaluation : public GuiTest {
protected:
    EvaluationPanel* open_self_review() {
        sign_in("A03", code_of("A03"));
        EXPECT_TRUE(wait_for([&] { return frame->page() == Page::tasks; }));
        key(WXK_RETURN);  // the self-review is the first, selected row
        EXPECT_TRUE(wait_for([&] { return frame->page() == Page::evaluation; }));
        auto* panel = dynamic_cast<EvaluationPanel*>(frame->page_window());
        if (panel) {
            EXPECT_TRUE(wait_for([&] { return panel->focused_item() == std::size_t{0}; }));
        }
        return panel;
    }
    AnswerSheet stored(std::size_t who) const {
        const Database db = check_db();
        return AnswerSheet::open(db, cycle, who, who, Relation::self);
    }
    // The option a test picks for an item: varied, within every scale.
    static std::size_t pick(std::size_t item) { return item % 3; }
};

TEST_F(GuiEvaluation, FilledWithTheKeyboardAndSubmitted) {
    EvaluationPanel* panel = open_self_review();
    ASSERT_NE(panel, nullptr);
    const std::size_t items = panel->sheet().form().items.size();
    ASSERT_GT(items, 40u);
    bool pictured = false;
    for (std::size_t answered = 0; answered < items; ++answered) {
        ASSERT_TRUE(wait_for([&] { return panel->focused_item().has_value(); })) << "item " << answered;
        const std::size_t item = *panel->focused_item();
        key('1' + static_cast<int>(pick(item)));
        ASSERT_TRUE(wait_for([&] { return panel->sheet().answered() == answered + 1; })) << "item " << item;
        if (!pictured && panel->page() == 1 && answered + 1 == panel->sheet().form().dimensions[0].items.size() + 4) {
            screenshot("self-review");
            pictured = true;
        }
        key(WXK_RETURN);
    }
    // The last Enter opened the comments page; Ctrl+Enter twice reaches Submit, Enter submits.
    ASSERT_TRUE(wait_for([&] { return panel->page() + 1 == panel->page_count(); }));
    pump(50);
    key(WXK_RETURN, wxMOD_CONTROL);
    key(WXK_RETURN, wxMOD_CONTROL);
    pump(50);
    key(WXK_RETURN);
    ASSERT_TRUE(wait_for([&] { return panel->sheet().locked(); }));

    const AnswerSheet sheet = stored(member("A03"));
    EXPECT_TRUE(sheet.locked());
    EXPECT_TRUE(sheet.read_only());
    EXPECT_EQ(sheet.status(), AssignmentStatus::submitted);
    for (std::size_t item = 0; item < items; ++item) EXPECT_EQ(sheet.answer(item), answer_code(pick(item))) << item;
    EXPECT_TRUE(pictured);

    // Opened again from the task list: read-only.
    frame->show_tasks();
    ASSERT_TRUE(wait_for([&] { return frame->page() == Page::tasks; }));
    auto* tasks = dynamic_cast<TasksPanel*>(frame->page_window());
    ASSERT_NE(tasks, nullptr);
    EXPECT_TRUE(tasks->rows()[0].locked);
    tasks->open(0);
    ASSERT_TRUE(wait_for([&] { return frame->page() == Page::evaluation; }));
    auto* again = dynamic_cast<EvaluationPanel*>(frame->page_window());
    ASSERT_NE(again, nullptr);
    EXPECT_TRUE(again->sheet().read_only());
    key('5');
    pump(50);
    EXPECT_EQ(stored(member("A03")).answer(0), answer_code(pick(0)));
}

TEST_F(GuiEvaluation, SubmitWithMissingItemsIsRefusedAndShowsThem) {
    EvaluationPanel* panel = open_self_review();
    ASSERT_NE(panel, nullptr);
    const Form& form = panel->sheet().form();
    const std::size_t first_page = form.dimensions[0].items.size();
    for (std::size_t answered = 0; answered < first_page; ++answered) {
        key('2');
        ASSERT_TRUE(wait_for([&] { return panel->sheet().answered() == answered + 1; }));
        if (answered + 1 < first_page) key(WXK_RETURN);
    }
    EXPECT_EQ(panel->page(), 0u);
    click(find<wxWindow>("submit"));
    // Refused: the first unanswered item (first of page 2) is shown, red and focused.
    const std::size_t first_missing = form.dimensions[1].items.front();
    ASSERT_TRUE(wait_for([&] { return panel->page() == 1; }));
    EXPECT_TRUE(wait_for([&] { return panel->focused_item() == first_missing; }));
    EXPECT_TRUE(panel->highlighted(first_missing));
    EXPECT_FALSE(panel->highlighted(0));
    EXPECT_FALSE(panel->sheet().locked());

    const AnswerSheet sheet = stored(member("A03"));
    EXPECT_FALSE(sheet.locked());
    EXPECT_EQ(sheet.status(), AssignmentStatus::draft);
    EXPECT_EQ(sheet.answered(), first_page);  // every choice was saved at once
    EXPECT_EQ(sheet.missing_required().front(), first_missing);

    // Answering it takes the red away.
    key('1');
    ASSERT_TRUE(wait_for([&] { return !panel->highlighted(first_missing); }));
    EXPECT_EQ(stored(member("A03")).answer(first_missing), answer_code(0));
}

}  // namespace
}  // namespace exemplar::gui::testing
