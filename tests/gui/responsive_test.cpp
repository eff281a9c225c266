// The window stays responsive during a long operation: a report export of a
// 168-person cycle (and, below, an import of returned answer files) runs on
// a worker behind its progress dialog while
// the UI thread keeps handling events — a repeating wxTimer and CallAfter
// callbacks from the worker — and cancelling it leaves the database as it
// was and no file. Events are counted, never durations: at each of its first
// progress reports the worker waits until the UI thread has handled new
// timer ticks and its ping, which could not happen if the work blocked the UI.
#include "gui_fixture.h"

#include <algorithm>
#include <fstream>
#include <atomic>
#include <chrono>
#include <memory>
#include <thread>

#include <wx/button.h>
#include <wx/notebook.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/timer.h>

#include "core/admin_password.h"
#include "core/cycle_store.h"
#include "core/demo_answers.h"
#include "core/responses_import.h"
#include "core/roster_import.h"
#include "core/table_reader.h"
#include "gui/compat.h"
#include "gui/export_dialog.h"
#include "gui/hr_cycles_page.h"
#include "gui/hr_panel.h"
#include "gui/task_dialog.h"
#include "gui/results_page.h"

namespace exemplar::gui::testing {
namespace {

const std::string password = "人事处 2026 密码";
const std::string big_cycle = "大单位2026年度";
constexpr int handshakes_wanted = 4;  // the report has 7 sheets: progress reports 1–4 handshake, the 5th holds

// Shared by the test and the export worker (which may outlive a failed test's locals).
struct WorkState {
    std::atomic<int> ticks{0};       // timer events handled on the UI thread
    std::atomic<int> pings{0};       // CallAfter callbacks handled on the UI thread
    std::atomic<int> reports{0};     // progress reports reached by the worker
    std::atomic<int> handshakes{0};  // reports at which the UI answered while the worker waited
    std::atomic<int> missed{0};      // reports at which it did not (within the safety bound)
    std::atomic<bool> held{false};
    std::atomic<bool> released{false};
};

// A repeating timer on the UI thread counting its events.
class Ticker : public wxEvtHandler {
public:
    explicit Ticker(std::shared_ptr<WorkState> state) : state_(std::move(state)), timer_(this) {
        Bind(wxEVT_TIMER, [this](wxTimerEvent&) { ++state_->ticks; });
        timer_.Start(5);
    }
    ~Ticker() override { timer_.Stop(); }

private:
    std::shared_ptr<WorkState> state_;
    wxTimer timer_;
};

// On the worker: waits until the UI thread has handled two more timer ticks
// and a ping posted now. Bounded, so that a blocked UI fails the test instead
// of hanging it.
void handshake(WorkState& state, wxEvtHandler& ui) {
    const int ticks = state.ticks.load();
    const int pings = state.pings.load();
    ui.CallAfter([&state] { ++state.pings; });
    for (int i = 0; i < 5000; ++i) {
        if (state.ticks.load() >= ticks + 2 && state.pings.load() > pings) {
            ++state.handshakes;
            return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ++state.missed;
}

class GuiResponsive : public GuiTest {
protected:
    void SetUp() override {
        GuiTest::SetUp();
        // 160 more people in 8 sections of 20 (the first of each its head), a
        // cycle of everyone active under the annual plan, and simulated answers to everything.
        Database db = Database::open(db_path, Database::Mode::existing);
        std::string roster = "工号,姓名,部门,职务,负责人,状态\n";
        const char* surnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵"};
        for (int d = 0; d < 8; ++d)
            for (int i = 0; i < 20; ++i)
                roster += "B" + std::to_string(100 + d * 20 + i) + "," + surnames[(d + i) % 8] + "员" + std::to_string(d * 20 + i) +
                          ",大单位/第" + std::to_string(d + 1) + "科," + (i == 0 ? "科长,是" : "科员,否") + ",在职\n";
        auto table = csv_table("big.csv", roster);
        import_roster(db, *table);
        create_cycle(db, big_cycle, EXEMPLAR_SOURCE_DIR "/templates/plans/annual.yaml");
        const Cycle big = load_cycle(db, big_cycle);
        auto answers = csv_table("answers.csv", simulate_answers_csv(big, 2026));
        import_responses(db, big, *answers);
        set_admin_password(db, password);
    }

    // Signs in as HR, brings the results tab to the front and shows the big cycle.
    ResultsPage* open_results() {
        ResultsPage* page = open_results_tab(password);
        if (page == nullptr) return nullptr;
        page->show_cycle(big_cycle);
        pump(100);
        return page;
    }

    // Every row of every table, as text, sorted: equal dumps mean an unchanged database.
    std::vector<std::string> dump() const {
        const Database db = check_db();
        std::vector<std::string> rows;
        Statement tables(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
        while (tables.step()) {
            const std::string name = tables.text(0);
            std::string columns;
            Statement info(db, "SELECT name FROM pragma_table_info(?)");
            info.bind(1, name);
            while (info.step()) columns += (columns.empty() ? "" : " || ',' || ") + std::string("quote(\"") + info.text(0) + "\")";
            if (columns.empty()) continue;
            Statement select(db, "SELECT " + columns + " FROM \"" + name + "\"");
            while (select.step()) rows.push_back(name + ": " + select.text(0));
        }
        std::sort(rows.begin(), rows.end());
        return rows;
    }
};

TEST_F(GuiResponsive, EventLoopRunsDuringAnExportAndCancelChangesNothing) {
    ResultsPage* page = open_results();
    ASSERT_NE(page, nullptr);
    ASSERT_NE(page->report(), nullptr);
    ASSERT_EQ(page->report()->cycle.name, big_cycle);
    ASSERT_EQ(page->report()->results.people.size(), 168u);  // the office's 8 active people and 160 more
    const std::vector<std::string> before = dump();
    ASSERT_GT(before.size(), 168u);
    const auto folder = dir.path() / "export";
    std::filesystem::create_directories(folder);
    const auto target = folder / "大单位.xlsx";

    auto state = std::make_shared<WorkState>();
    Ticker ticker(state);
    // On the worker: at each of its first progress reports, wait until the UI
    // thread has handled two more timer ticks and this report's ping; then hold
    // at the next one until Cancel has been pressed. The wait is bounded so a
    // blocked UI fails the test instead of hanging it.
    const auto gate = [state, page] {
        const int report = ++state->reports;
        if (report <= handshakes_wanted && state->missed == 0) {
            handshake(*state, *page);
        } else if (report == handshakes_wanted + 1) {
            state->held = true;
            while (!state->released) std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
    };
    ExportProgressDialog* progress = page->start_export({ExportKind::report, target}, gate);
    ASSERT_NE(progress, nullptr);
    // However the test ends, the worker is let go and finishes before the page goes.
    struct Release {
        std::shared_ptr<WorkState> state;
        ResultsPage* page;
        ~Release() {
            state->released = true;
            wait_for([&] { return !page->exporting(); }, 30000);
        }
    } release{state, page};

    // The progress dialog is up while the work is under way.
    EXPECT_TRUE(page->exporting());
    EXPECT_TRUE(wait_for([&] { return progress->IsShownOnScreen(); }));
    EXPECT_EQ(progress->GetName(), "export_progress");

    ASSERT_TRUE(wait_for([&] { return state->held.load(); }, 30000));
    EXPECT_EQ(state->handshakes.load(), handshakes_wanted);
    EXPECT_EQ(state->missed.load(), 0);
    EXPECT_GE(state->ticks.load(), 2 * handshakes_wanted);
    EXPECT_GE(state->pings.load(), handshakes_wanted);
    // The worker's progress posts reached the gauge while it is still working.
    EXPECT_TRUE(wait_for([&] { return progress->permille() > 0; }));
    EXPECT_TRUE(page->exporting());
    EXPECT_TRUE(progress->IsShown());
    // The UI keeps going while the worker is held mid-report.
    const int ticks_held = state->ticks.load();
    EXPECT_TRUE(wait_for([&] { return state->ticks.load() >= ticks_held + 3; }));

    auto* cancel = dynamic_cast<wxButton*>(progress->FindWindow("export_cancel"));
    ASSERT_NE(cancel, nullptr);
    click(cancel);
    EXPECT_TRUE(wait_for([&] { return progress->cancelling(); }));
    state->released = true;
    ASSERT_TRUE(wait_for([&] { return !page->exporting(); }, 30000));
    EXPECT_EQ(from_wx(page->export_status()), "导出已取消：没有留下写了一半的文件。");
    EXPECT_FALSE(std::filesystem::exists(target));
    EXPECT_TRUE(std::filesystem::is_empty(folder)) << "a temporary file was left";
    EXPECT_EQ(dump(), before);
}

TEST_F(GuiResponsive, AnswerFilesImportOffTheUiThreadAndCancelKeepsTheFilesBefore) {
    ASSERT_NE(open_results_tab(password), nullptr);
    auto* panel = dynamic_cast<HrPanel*>(frame->page_window());
    ASSERT_NE(panel, nullptr);
    panel->tabs()->SetSelection(0);  // the cycles tab, as HR would bring it to the front
    pump(100);
    HrCyclesPage* page = panel->cycles_page();
    ASSERT_TRUE(page->select_cycle(big_cycle));
    // Other answers to everything, in two files: the first half of the rows and the second.
    const Cycle big = load_cycle(check_db(), big_cycle);
    const std::string answers = simulate_answers_csv(big, 7);
    const std::size_t header_end = answers.find('\n') + 1;
    const std::size_t middle = answers.find('\n', header_end + (answers.size() - header_end) / 2) + 1;
    const auto first = dir.path() / "first.csv";
    const auto second = dir.path() / "second.csv";
    std::ofstream(first) << answers.substr(0, middle);
    std::ofstream(second) << answers.substr(0, header_end) << answers.substr(middle);

    auto state = std::make_shared<WorkState>();
    Ticker ticker(state);
    // The worker waits at its first progress report (the file's start) until
    // the UI thread has handled timer ticks and its ping.
    const auto gate = [state, page] {
        const int report = ++state->reports;
        if (report == 1) handshake(*state, *page);
    };
    std::vector<std::string> before = dump();
    std::optional<std::vector<wxString>> lines;
    TaskProgressDialog* progress = page->start_import({first}, [&](const std::vector<wxString>& done) { lines = done; }, gate);
    ASSERT_NE(progress, nullptr);
    EXPECT_EQ(progress->GetName(), "import_progress");
    ASSERT_TRUE(wait_for([&] { return lines.has_value(); }, 30000));
    EXPECT_EQ(state->handshakes.load(), 1);
    EXPECT_EQ(state->missed.load(), 0);
    ASSERT_EQ(lines->size(), 1u);
    EXPECT_NE(from_wx((*lines)[0]).find("first.csv"), std::string::npos) << from_wx((*lines)[0]);
    EXPECT_EQ(from_wx(find<wxStaticText>("cycles_status")->GetLabel()), "已导入 1 / 1 个文件。");
    const std::vector<std::string> after_first = dump();
    EXPECT_NE(after_first, before);  // the first file's answers are in

    // Two files, cancelled as the first of them starts: neither changes anything.
    state->reports = 0;
    const auto hold = [state] {
        if (++state->reports == 1) {
            state->held = true;
            while (!state->released) std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
    };
    lines.reset();
    progress = page->start_import({second, first}, [&](const std::vector<wxString>& done) { lines = done; }, hold);
    ASSERT_NE(progress, nullptr);
    struct Release {
        std::shared_ptr<WorkState> state;
        std::optional<std::vector<wxString>>& lines;
        ~Release() {
            state->released = true;
            wait_for([&] { return lines.has_value(); }, 30000);
        }
    } release{state, lines};
    ASSERT_TRUE(wait_for([&] { return state->held.load(); }, 30000));
    const int ticks_held = state->ticks.load();
    EXPECT_TRUE(wait_for([&] { return state->ticks.load() >= ticks_held + 3; }));  // the UI goes on meanwhile
    auto* cancel = dynamic_cast<wxButton*>(progress->FindWindow("import_cancel"));
    ASSERT_NE(cancel, nullptr);
    click(cancel);
    EXPECT_TRUE(progress->cancelling());
    state->released = true;
    ASSERT_TRUE(wait_for([&] { return lines.has_value(); }, 30000));
    ASSERT_EQ(lines->size(), 1u);
    EXPECT_EQ(from_wx((*lines)[0]), "已取消：其余 2 个文件没有导入。");
    EXPECT_EQ(dump(), after_first);
}

}  // namespace
}  // namespace exemplar::gui::testing
