// The peer ballot grid: filled through the cells' drop-down editors, refused
// with empty cells marked, stored for every colleague on submit.
#include "gui_fixture.h"

#include <wx/combobox.h>
#include <wx/grid.h>

#include "core/answer_sheet.h"
#include "gui/ballot_panel.h"
#include "gui/tasks_panel.h"

namespace exemplar::gui::testing {
namespace {

class GuiBallot : public GuiTest {
protected:
    // Picks option `option` in the cell's drop-down, as a user would.
    void choose(wxGrid* grid, int row, int column, int option) {
        grid->SetGridCursor(row, column);
        grid->EnableCellEditControl();
        ASSERT_TRUE(grid->IsCellEditControlShown());
        wxGridCellEditor* editor = grid->GetCellEditor(row, column);
        auto* combo = dynamic_cast<wxComboBox*>(editor->GetControl());
        ASSERT_NE(combo, nullptr);
        combo->SetSelection(option);
        editor->DecRef();
        grid->DisableCellEditControl();  // applies the value: wxEVT_GRID_CELL_CHANGED
        pump(5);
    }
};

TEST_F(GuiBallot, FilledInTheGridAndSubmitted) {
    sign_in("A03", code_of("A03"));
    ASSERT_TRUE(wait_for([&] { return frame->page() == Page::tasks; }));
    auto* tasks = dynamic_cast<TasksPanel*>(frame->page_window());
    ASSERT_NE(tasks, nullptr);
    tasks->open(1);
    ASSERT_TRUE(wait_for([&] { return frame->page() == Page::ballot; }));
    auto* panel = dynamic_cast<BallotPanel*>(frame->page_window());
    ASSERT_NE(panel, nullptr);
    wxGrid* grid = panel->grid();
    const int rows = grid->GetNumberRows();
    const int columns = grid->GetNumberCols();
    ASSERT_EQ(rows, 3);  // 李科长, 赵二, 陈三
    ASSERT_EQ(static_cast<std::size_t>(columns), cycle.form_for(Relation::peer)->items.size());
    const auto pick = [](int row, int column) { return (row + column) % 4; };
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < columns; ++c)
            if (!(r == 2 && c == 3)) choose(grid, r, c, pick(r, c));
    screenshot("ballot");

    click(find<wxWindow>("submit"));
    ASSERT_TRUE(wait_for([&] { return panel->highlighted(2, 3); }));
    EXPECT_FALSE(panel->highlighted(0, 0));
    EXPECT_EQ(grid->GetGridCursorRow(), 2);
    EXPECT_EQ(grid->GetGridCursorCol(), 3);
    {
        const Database db = check_db();
        for (const AnswerSheet& sheet : panel->sheets()) {
            const auto stored = AnswerSheet::open(db, cycle, sheet.rater(), sheet.ratee(), Relation::peer);
            EXPECT_FALSE(stored.locked());
        }
    }

    choose(grid, 2, 3, pick(2, 3));
    EXPECT_FALSE(panel->highlighted(2, 3));
    click(find<wxWindow>("submit"));
    ASSERT_TRUE(wait_for([&] { return panel->sheets().front().locked(); }));

    const Database db = check_db();
    for (int r = 0; r < rows; ++r) {
        const AnswerSheet& shown = panel->sheets()[static_cast<std::size_t>(r)];
        const auto stored = AnswerSheet::open(db, cycle, shown.rater(), shown.ratee(), Relation::peer);
        EXPECT_TRUE(stored.locked());
        EXPECT_EQ(stored.status(), AssignmentStatus::submitted);
        for (int c = 0; c < columns; ++c)
            EXPECT_EQ(stored.answer(static_cast<std::size_t>(c)), answer_code(static_cast<std::size_t>(pick(r, c)))) << r << "," << c;
    }
}

}  // namespace
}  // namespace exemplar::gui::testing
