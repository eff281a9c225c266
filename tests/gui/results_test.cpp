// The HR results tab over a cycle with answers (imported through the core
// from a CSV written here): one grid row a person, sorting by a header click,
// the department filter, the search, a person's page with its radar chart,
// the departments' bar chart, exports (the report read back with the xlsx
// reader) and a cancelled export that leaves no file. Also a 10,000-person
// cycle in the virtual grid, sorted and filtered within a smooth time.
#include "gui_fixture.h"

#include <atomic>
#include <chrono>
#include <thread>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dcmemory.h>
#include <wx/dialog.h>
#include <wx/grid.h>
#include <wx/image.h>
#include <wx/notebook.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "core/admin_password.h"
#include "core/cycle_store.h"
#include "core/responses_import.h"
#include "core/xlsx_reader.h"
#include "gui/charts.h"
#include "gui/compat.h"
#include "gui/hr_panel.h"
#include "gui/person_page.h"
#include "gui/results_page.h"

namespace exemplar::gui::testing {
namespace {

const std::string password = "人事处 2026 密码";

class GuiResults : public GuiTest {
protected:
    void SetUp() override {
        GuiTest::SetUp();
        // Every assignment answered: self-reviews high, the others by ratee
        // (A01 rated best, then down in steps), so totals differ.
        Database db = Database::open(db_path, Database::Mode::existing);
        const AssignmentSet set = load_assignments(db, cycle);
        std::string csv = "评价人工号,被评价人工号,关系,题号,答案\n";
        for (const StoredAssignment& a : set.assignments) {
            const Form* form = cycle.form_for(a.relation);
            const int value = a.relation == Relation::self ? 4 : 4 - static_cast<int>(a.ratee % 4);
            for (std::size_t i = 0; i < form->items.size(); ++i)
                csv += cycle.members[a.rater].code + "," + cycle.members[a.ratee].code + "," +
                       std::string(relation_code(a.relation)) + "," + form->items[i].id + "," +
                       std::to_string(a.relation == Relation::self ? value : std::max(1, value - static_cast<int>(i % 2))) + "\n";
        }
        auto table = csv_table("answers.csv", csv);
        import_responses(db, cycle, *table);
        set_admin_password(db, password);
    }

    // Signs in as HR and brings the results tab to the front.
    ResultsPage* open_results() {
        ResultsPage* page = open_results_tab(password);
        if (page == nullptr) return nullptr;
        pump(100);
        return page;
    }

    // Where a cell is on the screen (frozen columns and scrolling included).
    static wxPoint cell_on_screen(wxGrid* grid, int row, int column) {
        grid->MakeCellVisible(row, column);
        pump(50);
        const wxRect cell = grid->CellToRect(row, column);
        wxGridWindow* window = grid->CellToGridWindow(row, column);
        const wxPoint at = grid->CalcGridWindowScrolledPosition(cell.GetPosition() + wxPoint(cell.width / 2, cell.height / 2), window) -
                           grid->GetGridWindowOffset(window);
        wxWindow* client = column < grid->GetNumberFrozenCols() ? grid->GetFrozenColGridWindow() : grid->GetGridWindow();
        return client->ClientToScreen(at);
    }

    void click_header(wxGrid* grid, int column) {
        const wxPoint cell = cell_on_screen(grid, 0, column);
        const wxRect labels = grid->GetGridColLabelWindow()->GetScreenRect();
        sim.MouseMove(cell.x, labels.GetTop() + labels.GetHeight() / 2);
        pump(20);
        sim.MouseClick();
        pump(50);
    }

    void double_click_row(wxGrid* grid, int row) {
        sim.MouseMove(cell_on_screen(grid, row, 1));
        pump(20);
        sim.MouseDblClick();
        pump(50);
    }

    static void choose(wxChoice* choice, int index) {
        choice->SetSelection(index);
        wxCommandEvent event(wxEVT_CHOICE, choice->GetId());
        event.SetEventObject(choice);
        event.SetInt(index);
        choice->ProcessWindowEvent(event);
        pump(20);
    }

    static std::string cell_text(const ResultsView& view, std::size_t row, std::string_view code) {
        const TableCell& cell = view.cell(row, *view.column_of(code));
        const auto* text = std::get_if<std::string>(&cell);
        return text ? *text : std::string();
    }
};

TEST_F(GuiResults, GridSortsFiltersSearchesAndOpensAPerson) {
    ResultsPage* page = open_results();
    ASSERT_NE(page, nullptr);
    const ResultsView* view = page->view();
    ASSERT_NE(view, nullptr);
    wxGrid* grid = page->grid();
    const auto report = page->report();
    ASSERT_EQ(report->results.people.size(), 8u);  // the active members
    EXPECT_EQ(grid->GetNumberRows(), 8);
    EXPECT_EQ(static_cast<std::size_t>(grid->GetNumberCols()), 4 + report->results.dimensions.size() + 9);
    EXPECT_EQ(from_wx(grid->GetColLabelValue(1)), "姓名");
    EXPECT_EQ(from_wx(grid->GetColLabelValue(4)), report->results.dimensions[0].name);
    EXPECT_EQ(from_wx(find<wxStaticText>("results_count")->GetLabel()), "显示 8 / 8 人");

    // A click on 总分 sorts the top total first, shown with two decimals.
    const int total = static_cast<int>(*view->column_of("total"));
    EXPECT_EQ(from_wx(grid->GetColLabelValue(total)), "总分");
    double best = -1;
    for (const PersonResult& person : report->results.people)
        if (person.total) best = std::max(best, *person.total);
    ASSERT_GT(best, 0);
    click_header(grid, total);
    ASSERT_TRUE(wait_for([&] { return view->sort_column() == static_cast<std::size_t>(total); }));
    EXPECT_FALSE(view->ascending());
    EXPECT_EQ(from_wx(grid->GetColLabelValue(total)), "总分 ▼");
    EXPECT_EQ(grid->GetCellValue(0, total), wxString::FromCDouble(best, 2));
    for (int r = 1; r < grid->GetNumberRows(); ++r) {
        if (grid->GetCellValue(r, total).empty()) continue;
        EXPECT_LE(std::get<double>(view->cell(static_cast<std::size_t>(r), static_cast<std::size_t>(total))),
                  std::get<double>(view->cell(static_cast<std::size_t>(r - 1), static_cast<std::size_t>(total))));
    }

    // A second click turns the order round, a third back again.
    click_header(grid, total);
    ASSERT_TRUE(wait_for([&] { return view->ascending(); }));
    click_header(grid, total);
    ASSERT_TRUE(wait_for([&] { return !view->ascending(); }));
    // 工号 and 姓名 stay (frozen); scrolled to a column's edge so 总分 ▼ is in view.
    const int offset = grid->CellToRect(0, static_cast<int>(*view->column_of("position")) + 3).x - grid->CellToRect(0, 2).x;
    grid->Scroll((offset + grid->GetScrollLineX() - 1) / grid->GetScrollLineX(), 0);
    screenshot("results");

    // The department filter leaves only its people.
    auto* departments = find<wxChoice>("results_department");
    ASSERT_NE(departments, nullptr);
    const int secretariat = departments->FindString(to_wx("行署办公室/秘书科"));
    ASSERT_GT(secretariat, 0);
    choose(departments, secretariat);
    ASSERT_EQ(grid->GetNumberRows(), 4);  // 李科长, 张一, 赵二, 陈三
    for (std::size_t r = 0; r < view->rows(); ++r) EXPECT_EQ(cell_text(*view, r, "department"), "行署办公室/秘书科");
    EXPECT_EQ(from_wx(find<wxStaticText>("results_count")->GetLabel()), "显示 4 / 8 人");
    choose(departments, 0);
    EXPECT_EQ(grid->GetNumberRows(), 8);

    // Search by name, then by 工号 typed (case ignored).
    auto* search = find<wxSearchCtrl>("results_search");
    ASSERT_NE(search, nullptr);
    search->SetValue(to_wx("张一"));
    ASSERT_TRUE(wait_for([&] { return grid->GetNumberRows() == 1; }));
    EXPECT_EQ(from_wx(grid->GetCellValue(0, 1)), "张一");
    search->SetValue({});
    ASSERT_TRUE(wait_for([&] { return grid->GetNumberRows() == 8; }));
    click(search);
    type("a05");
    ASSERT_TRUE(wait_for([&] { return grid->GetNumberRows() == 1; }));
    EXPECT_EQ(from_wx(grid->GetCellValue(0, 1)), "陈三");
    search->SetValue({});
    ASSERT_TRUE(wait_for([&] { return grid->GetNumberRows() == 8; }));

    // The departments' bar chart: one bar a department, the means of the core.
    BarChart* chart = page->chart();
    ASSERT_EQ(chart->bars().size(), report->results.departments.size());
    for (const Bar& bar : chart->bars()) {
        const auto it = std::find_if(report->results.departments.begin(), report->results.departments.end(),
                                     [&](const DepartmentResult& d) { return bar.label.StartsWith(to_wx(d.department + "（")); });
        ASSERT_NE(it, report->results.departments.end()) << bar.label;
        EXPECT_EQ(bar.value, it->mean_total);
    }
}

// One screenshot a test: wxScreenDC gives the first picture again in later calls.
TEST_F(GuiResults, PersonPageShowsTheRadarOfSelfAgainstOthers) {
    ResultsPage* page = open_results();
    ASSERT_NE(page, nullptr);
    const ResultsView* view = page->view();
    wxGrid* grid = page->grid();
    const auto report = page->report();

    // A double-click opens 张一's page: the radar of self against others.
    const std::size_t zhang = member("A03");
    std::optional<std::size_t> row;
    for (std::size_t r = 0; r < view->rows(); ++r)
        if (report->results.people[view->person(r)].member == zhang) row = r;
    ASSERT_TRUE(row.has_value());
    double_click_row(grid, static_cast<int>(*row));
    ASSERT_TRUE(wait_for([&] { return page->showing_person(); }));
    PersonPanel* person = page->person_panel();
    ASSERT_NE(person, nullptr);
    EXPECT_EQ(report->results.people[person->person()].member, zhang);
    // Axes: the dimensions where both self and others have a score.
    const RadarData& radar = person->radar()->data();
    ASSERT_EQ(radar.series.size(), 2u);
    const PersonResult& result = report->results.people[person->person()];
    std::size_t axis = 0;
    for (std::size_t d = 0; d < report->results.dimensions.size(); ++d) {
        const auto& self = result.groups[index_of(Relation::self)][d];
        if (!self || !result.others[d]) continue;
        ASSERT_LT(axis, radar.axes.size());
        EXPECT_EQ(from_wx(radar.axes[axis]), report->results.dimensions[d].name);
        EXPECT_EQ(radar.series[0].values[axis], self);
        EXPECT_EQ(radar.series[1].values[axis], result.others[d]);
        ++axis;
    }
    EXPECT_EQ(axis, radar.axes.size());
    EXPECT_GE(axis, 5u);
    EXPECT_EQ(person->scores()->GetNumberRows(), static_cast<int>(report->results.dimensions.size()) + 1);
    // Peer votes as counts only: every row adds up to the valid ballots.
    ASSERT_NE(person->tallies(), nullptr);
    wxGrid* tallies = person->tallies();
    ASSERT_EQ(static_cast<std::size_t>(tallies->GetNumberRows()), result.tallies.size());
    for (int r = 0; r < tallies->GetNumberRows(); ++r) {
        long sum = 0;
        for (int c = 1; c < tallies->GetNumberCols() - 2; ++c) {
            long count = 0;
            if (tallies->GetCellValue(r, c).ToLong(&count)) sum += count;
        }
        EXPECT_EQ(sum, result.tallies[static_cast<std::size_t>(r)].answers);
        EXPECT_EQ(result.tallies[static_cast<std::size_t>(r)].answers, 3);
    }

    // The radar painted into a bitmap: rings, both series and the legend drawn.
    wxBitmap bitmap(420, 400, 24);
    {
        wxMemoryDC dc(bitmap);
        dc.SetBackground(*wxWHITE_BRUSH);
        dc.Clear();
        draw_radar(dc, wxRect(0, 0, 420, 400), radar);
    }
    const wxImage image = bitmap.ConvertToImage();
    int self_pixels = 0, other_pixels = 0, drawn = 0;
    for (int y = 0; y < image.GetHeight(); ++y)
        for (int x = 0; x < image.GetWidth(); ++x) {
            const int r = image.GetRed(x, y), g = image.GetGreen(x, y), b = image.GetBlue(x, y);
            if (r != 255 || g != 255 || b != 255) ++drawn;
            if (b > 150 && r < 100) ++self_pixels;
            if (r > 180 && g > 90 && g < 150 && b < 80) ++other_pixels;
        }
    EXPECT_GT(drawn, 2000);
    EXPECT_GT(self_pixels, 50);
    EXPECT_GT(other_pixels, 50);
    screenshot("person-radar");

    click(find<wxWindow>("person_back"));
    ASSERT_TRUE(wait_for([&] { return !page->showing_person(); }));
    EXPECT_EQ(grid->GetGridCursorRow(), static_cast<int>(*row));
}

TEST_F(GuiResults, ReportExportedThroughTheDialogOpensWithSevenSheets) {
    ResultsPage* page = open_results();
    ASSERT_NE(page, nullptr);
    const auto target = dir.path() / "out" / "汇总.xlsx";
    dialogs.steps.push_back([&](wxDialog* dialog) {
        auto* kind = dynamic_cast<wxChoice*>(dialog->FindWindow("export_kind"));
        auto* where = dynamic_cast<wxTextCtrl*>(dialog->FindWindow("export_target"));
        if (kind == nullptr || where == nullptr) return static_cast<int>(wxID_CANCEL);
        kind->SetSelection(static_cast<int>(ExportKind::report));
        where->SetValue(to_wx(target.string()));
        return static_cast<int>(wxID_OK);
    });
    click(find<wxWindow>("export"));
    ASSERT_TRUE(wait_for([&] { return dialogs.shown == 2 && !page->exporting(); }, 15000));
    EXPECT_EQ(from_wx(page->export_status()), "已导出：" + target.string());
    ASSERT_TRUE(std::filesystem::exists(target));
    const XlsxWorkbook book = XlsxWorkbook::open(target);
    ASSERT_EQ(book.sheet_count(), 7u);
    EXPECT_EQ(book.sheet_name(0), "说明");
    EXPECT_EQ(book.sheet_name(6), "HR导入");

    // The HR CSV and the report cards through the same machinery.
    page->start_export({ExportKind::hr_csv, dir.path() / "out" / "hr.csv"});
    ASSERT_TRUE(wait_for([&] { return !page->exporting(); }, 15000));
    EXPECT_TRUE(std::filesystem::exists(dir.path() / "out" / "hr.csv"));
    page->start_export({ExportKind::cards, dir.path() / "cards"});
    ASSERT_TRUE(wait_for([&] { return !page->exporting(); }, 30000));
    EXPECT_EQ(from_wx(page->export_status()), "已导出 8 个文件到 " + (dir.path() / "cards").string());
    std::size_t cards = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path() / "cards")) cards += entry.path().extension() == ".xlsx";
    EXPECT_EQ(cards, 8u);
}

TEST_F(GuiResults, CancelledExportLeavesNoFile) {
    ResultsPage* page = open_results();
    ASSERT_NE(page, nullptr);
    const auto folder = dir.path() / "cancelled";
    std::filesystem::create_directories(folder);
    const auto target = folder / "report.xlsx";
    // The worker waits at its third progress report (two sheets already in the
    // temporary file) until Cancel has been pressed.
    std::atomic<int> reports{0};
    std::atomic<bool> held{false}, released{false};
    ExportProgressDialog* progress = page->start_export({ExportKind::report, target}, [&] {
        if (++reports == 3) {
            held = true;
            while (!released) std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
    });
    ASSERT_NE(progress, nullptr);
    ASSERT_TRUE(wait_for([&] { return held.load(); }, 15000));
    EXPECT_TRUE(page->exporting());
    auto* cancel = dynamic_cast<wxButton*>(progress->FindWindow("export_cancel"));
    ASSERT_NE(cancel, nullptr);
    pump(100);
    click(cancel);
    EXPECT_TRUE(wait_for([&] { return progress->cancelling(); }));
    released = true;
    ASSERT_TRUE(wait_for([&] { return !page->exporting(); }, 15000));
    EXPECT_EQ(from_wx(page->export_status()), "导出已取消：没有留下写了一半的文件。");
    EXPECT_FALSE(std::filesystem::exists(target));
    EXPECT_TRUE(std::filesystem::is_empty(folder)) << "a temporary file was left";
}

// 10,000 people (results made up, no database work): the virtual grid shows
// them at once, and a header click or a filter takes well under a second.
TEST_F(GuiResults, TenThousandPeopleStaySmooth) {
    ResultsPage* page = open_results();
    ASSERT_NE(page, nullptr);
    auto big = std::make_shared<CycleReport>();
    big->cycle.name = "万人周期";
    big->cycle.plan.grades = {{"优秀", 90}, {"称职", 70}, {"基本称职", 60}, {"不称职", 0}};
    const char* surnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"};
    big->results.dimensions = {{"loyalty", "绝对忠诚", 1}, {"learning", "学习", 1}};
    for (int d = 0; d < 40; ++d) big->results.departments.push_back({"单位/部门" + std::to_string(d), 250, 0, 0, 1.0, {}, 70.0 + d % 20, {}});
    for (int i = 0; i < 10000; ++i) {
        ScoringMember member;
        member.person_id = "P" + std::to_string(100000 + i);
        member.name = std::string(surnames[i % 10]) + "某" + std::to_string(i);
        member.department = "单位/部门" + std::to_string(i % 40);
        member.position = "科员";
        big->input.members.push_back(member);
        PersonResult person;
        person.member = static_cast<std::size_t>(i);
        const double score = 50 + (i * 37 % 500) / 10.0;
        person.scores = {score, score - 1};
        if (i % 97 != 0) person.total = score;
        person.rank_unit = i % 97 != 0 ? std::optional<int>(i + 1) : std::nullopt;
        person.grade = score >= 90 ? "优秀" : score >= 70 ? "称职" : "基本称职";
        big->results.people.push_back(person);
    }
    // Correctness at 10,000 rows; the speed is measured by the benchmarks, never asserted in tests.
    page->show_report(big);
    pump(50);
    EXPECT_EQ(page->grid()->GetNumberRows(), 10000);

    const int total = static_cast<int>(*page->view()->column_of("total"));
    click_header(page->grid(), total);
    ASSERT_TRUE(wait_for([&] { return page->view()->sort_column() == static_cast<std::size_t>(total); }));
    page->grid()->Update();
    EXPECT_EQ(page->grid()->GetCellValue(0, total), "99.90");
    EXPECT_TRUE(page->grid()->GetCellValue(9999, total).empty());  // undefined last

    page->grid()->MakeCellVisible(0, 1);
    click_header(page->grid(), 1);  // 姓名, 按姓氏笔画
    ASSERT_TRUE(wait_for([&] { return page->view()->sort_column() == 1u; }));
    EXPECT_EQ(from_wx(page->grid()->GetCellValue(0, 1)).substr(0, 3), "王");  // 王 (4 strokes) before 刘 (6), 李 (7)

    choose(find<wxChoice>("results_department"), 1);
    EXPECT_EQ(page->grid()->GetNumberRows(), 250);
    find<wxSearchCtrl>("results_search")->SetValue(to_wx("某12"));
    ASSERT_TRUE(wait_for([&] { return page->grid()->GetNumberRows() < 250; }));
}

}  // namespace
}  // namespace exemplar::gui::testing
