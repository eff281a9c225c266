// exemplar-gui-bench: how long the desktop app takes on a large database to
// open it, sign HR in, open the results page, sort, search and filter the
// results grid (issue 6, point 5: each under 200 ms at 10,000 people), with
// the core calls and the HR tabs behind them timed alone to tell where time
// goes. Not a test — nothing is asserted; medians are printed as a Markdown table.
//   xvfb-run -a -s "-screen 0 1280x800x24" build/bench/exemplar-gui-bench DB [--runs 5]
// The database is one the CLI made (roster import, cycle create, responses
// import, cycle close). The HR password is the one given (set on first use,
// as the app's first start does, when the database has none).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <wx/app.h>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/frame.h>
#include <wx/grid.h>
#include <wx/init.h>
#include <wx/listbox.h>
#include <wx/modalhook.h>
#include <wx/notebook.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/srchctrl.h>
#include <wx/textctrl.h>
#include <wx/utils.h>

#include "core/admin_password.h"
#include "core/cycle_progress.h"
#include "core/cycle_report.h"
#include "core/cycle_scoring.h"
#include "core/cycle_store.h"
#include "core/reliability.h"
#include "core/scoring.h"
#include "core/database.h"
#include "core/roster.h"
#include "gui/app.h"
#include "gui/compat.h"
#include "gui/hr_cycles_page.h"
#include "gui/hr_roster_page.h"
#include "gui/main_frame.h"
#include "gui/results_page.h"
#include "gui/results_view.h"
#include "gui/sign_in_panel.h"

namespace {

using exemplar::gui::MainFrame;
using exemplar::gui::ResultsPage;
using Clock = std::chrono::steady_clock;

struct Options {
    std::filesystem::path db;
    std::string password = "bench-password-2026";
    std::string cycle;  // default: the one the results page picks
    int runs = 5;
    std::optional<std::filesystem::path> markdown;
};

// Answers the HR password dialogs (both fields on first start); any other dialog is noted and cancelled.
class PasswordAnswerer : public wxModalDialogHook {
public:
    explicit PasswordAnswerer(std::string password) : password_(std::move(password)) {}
    std::vector<std::string> unexpected;

protected:
    int Enter(wxDialog* dialog) override {
        auto* first = dynamic_cast<wxTextCtrl*>(dialog->FindWindow("password"));
        if (first == nullptr) {
            unexpected.push_back(exemplar::gui::from_wx(dialog->GetTitle()));
            return wxID_CANCEL;
        }
        first->SetValue(exemplar::gui::to_wx(password_));
        if (auto* again = dynamic_cast<wxTextCtrl*>(dialog->FindWindow("password_again"))) again->SetValue(exemplar::gui::to_wx(password_));
        return wxID_OK;
    }
    void Exit(wxDialog*) override {}

private:
    std::string password_;
};

// Handles every pending event, paint included, until the queue stays empty:
// what the user waits for before the window shows the new state.
void settle() {
    for (int quiet = 0; quiet < 2;) {
        const bool had = wxTheApp->Pending() || wxTheApp->HasPendingEvents();
        wxTheApp->Yield(true);
        wxTheApp->ProcessPendingEvents();
        wxTheApp->ProcessIdle();
        quiet = had ? 0 : quiet + 1;
    }
}

// Results pages that load when first shown (activate) are loaded here; older ones loaded when built.
template <class Page>
void activate_if_lazy(Page* page) {
    if constexpr (requires { page->activate(); }) page->activate();
}

double ms_since(Clock::time_point start) { return std::chrono::duration<double, std::milli>(Clock::now() - start).count(); }

struct Sample {
    std::string what;
    std::vector<double> ms;
    bool gated = true;  // one of the 200 ms screens (others are breakdowns)
};

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n == 0 ? 0 : n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

class Bench {
public:
    explicit Bench(Options options) : options_(std::move(options)), answerer_(options_.password) { answerer_.Register(); }
    ~Bench() {
        answerer_.Unregister();
        if (frame_) frame_->Destroy();
        settle();
    }

    int run();

private:
    // Times `action` then settle(), `runs` times, with `prepare` (not timed) before each.
    void measure(const std::string& what, const std::function<void()>& action, const std::function<void()>& prepare = {}, bool gated = true) {
        Sample sample{what, {}, gated};
        for (int i = 0; i < options_.runs; ++i) {
            if (prepare) prepare();
            settle();
            const auto start = Clock::now();
            action();
            settle();
            sample.ms.push_back(ms_since(start));
            std::fprintf(stderr, "  %s: %.1f ms\n", what.c_str(), sample.ms.back());
        }
        samples_.push_back(std::move(sample));
    }

    void open_frame() {
        frame_ = new MainFrame(options_.db);
        frame_->SetPosition(wxPoint(0, 0));
        frame_->Show();
        frame_->Raise();
        frame_->Update();
        while (!frame_->IsShownOnScreen()) wxTheApp->Yield(true);
    }
    void close_frame() {
        if (frame_) frame_->Destroy();
        frame_ = nullptr;
        settle();
    }
    // The HR button of the sign-in page, pressed: password dialog, then the HR page.
    void sign_in_as_hr() {
        auto* button = dynamic_cast<wxButton*>(wxWindow::FindWindowByName("hr", frame_));
        if (button == nullptr) throw std::runtime_error("no HR button on the sign-in page");
        wxCommandEvent press(wxEVT_BUTTON, button->GetId());
        press.SetEventObject(button);
        button->ProcessWindowEvent(press);
        settle();
        if (frame_->page() != exemplar::gui::Page::hr) throw std::runtime_error("HR sign-in failed (wrong --password?)");
    }
    ResultsPage* results_page() const { return dynamic_cast<ResultsPage*>(wxWindow::FindWindowByName("results_page", frame_)); }
    wxNotebook* hr_tabs() const { return dynamic_cast<wxNotebook*>(wxWindow::FindWindowByName("hr_tabs", frame_)); }
    void show_tab(std::size_t index) {
        hr_tabs()->SetSelection(index);  // sends the page-changed events, as a click does
        hr_tabs()->GetCurrentPage()->Update();
    }
    std::size_t results_tab() const { return static_cast<std::size_t>(hr_tabs()->FindPage(results_page())); }
    // The HR page built anew (as after signing in), its first tab shown.
    void fresh_hr_page() {
        frame_->rebuild();
        settle();
    }
    void click_header(int column) {
        wxGrid* grid = results_page()->grid();
        wxGridEvent event(grid->GetId(), wxEVT_GRID_LABEL_LEFT_CLICK, grid, -1, column);
        grid->ProcessWindowEvent(event);
        grid->Update();
    }
    void search(const std::string& text) {
        auto* box = dynamic_cast<wxSearchCtrl*>(wxWindow::FindWindowByName("results_search", frame_));
        box->SetValue(exemplar::gui::to_wx(text));  // sends wxEVT_TEXT, as typing does
        results_page()->grid()->Update();
    }
    void choose_department(int index) {
        auto* choice = dynamic_cast<wxChoice*>(wxWindow::FindWindowByName("results_department", frame_));
        choice->SetSelection(index);
        wxCommandEvent event(wxEVT_CHOICE, choice->GetId());
        event.SetEventObject(choice);
        event.SetInt(index);
        choice->ProcessWindowEvent(event);
        results_page()->grid()->Update();
    }
    void print(FILE* out) const;

    Options options_;
    PasswordAnswerer answerer_;
    MainFrame* frame_ = nullptr;
    std::vector<Sample> samples_;
    std::string facts_;
};

int Bench::run() {
    std::string cycle = options_.cycle;
    {
        // Breakdown without any window: the core calls behind each screen.
        const exemplar::Database db = exemplar::Database::open(options_.db, exemplar::Database::Mode::read_only);
        const auto cycles = exemplar::list_cycles(db);
        if (cycles.empty()) throw std::runtime_error("the database has no cycle");
        if (cycle.empty()) cycle = cycles.back().name;
        measure("core: list_cycles", [&] { exemplar::list_cycles(db); }, {}, false);
        measure("core: load_cycle", [&] { exemplar::load_cycle(db, cycle); }, {}, false);
        const exemplar::Cycle loaded = exemplar::load_cycle(db, cycle);
        measure("core: cycle_progress", [&] { exemplar::cycle_progress(db, loaded); }, {}, false);
        measure("core: load_people", [&] { exemplar::load_people(db); }, {}, false);
        // load_cycle_report's parts, one by one.
        const exemplar::AssignmentSet assignments = exemplar::load_assignments(db, loaded);
        measure("core: load_assignments (the answers read)", [&] { exemplar::load_assignments(db, loaded); }, {}, false);
        const exemplar::ScoringInput input = exemplar::scoring_input(loaded, assignments);
        measure("core: scoring_input", [&] { exemplar::scoring_input(loaded, assignments); }, {}, false);
        measure("core: compute_results (the scores)", [&] { exemplar::compute_results(input); }, {}, false);
        measure("core: compute_reliability (the report only)", [&] { exemplar::compute_reliability(input); }, {}, false);
        std::shared_ptr<const exemplar::CycleReport> report;
        measure("core: load_cycle_report", [&] { report = exemplar::load_cycle_report(db, cycle); }, {}, false);
        measure("gui: ResultsView over it", [&] { exemplar::gui::ResultsView view(*report); }, {}, false);
        facts_ = "cycle " + cycle + ", " + std::to_string(report->results.people.size()) + " people in the results, " +
                 std::to_string(report->data.answers) + " answers";
    }
    std::fprintf(stderr, "%s\n", facts_.c_str());

    measure("open database: main window with the sign-in page ready", [&] { open_frame(); }, [&] { close_frame(); });
    measure("File ▸ Open: the database opened again in the window", [&] { frame_->open_database(options_.db, false); });
    measure("HR sign-in: password checked, the HR page ready", [&] { sign_in_as_hr(); }, [&] {
        close_frame();
        open_frame();
        settle();
    });
    {
        // Set by the first sign-in when the database had none.
        const exemplar::Database db = exemplar::Database::open(options_.db, exemplar::Database::Mode::read_only);
        measure("core: check_admin_password (a deliberate PBKDF2)", [&] { exemplar::check_admin_password(db, options_.password); }, {}, false);
    }
    // Breakdown: each page, alone in a new window of its own (whose making is timed too).
    const auto page_alone = [&](const std::string& what, const std::function<wxWindow*(wxWindow*)>& make) {
        wxFrame* holder = nullptr;
        measure(what, [&] {
            holder = new wxFrame(nullptr, wxID_ANY, "page", wxPoint(0, 0), wxSize(1120, 760));
            make(holder);
            holder->Show();
        }, [&] {
            if (holder) holder->Destroy();
            holder = nullptr;
        }, false);
        holder->Destroy();
        settle();
    };
    exemplar::gui::Session& session = frame_->session();
    page_alone("gui: an empty window (included in each of the rows alone below)", [&](wxWindow* parent) { return new wxPanel(parent); });
    page_alone("gui: sign-in page alone", [&](wxWindow* parent) { return new exemplar::gui::SignInPanel(parent, session, *frame_); });
    page_alone("gui: HR cycles tab alone", [&](wxWindow* parent) { return new exemplar::gui::HrCyclesPage(parent, session); });
    page_alone("gui: HR roster tab alone", [&](wxWindow* parent) { return new exemplar::gui::HrRosterPage(parent, session); });
    page_alone("gui: HR results tab alone (results loaded)", [&](wxWindow* parent) {
        auto* page = new ResultsPage(parent, session);
        activate_if_lazy(page);
        return page;
    });

    measure("open the roster tab the first time", [&] { show_tab(1); }, [&] { fresh_hr_page(); });
    measure("open the results tab the first time (results loaded, grid filled)", [&] { show_tab(results_tab()); },
            [&] { fresh_hr_page(); });
    measure("open the results tab again", [&] { show_tab(results_tab()); }, [&] { show_tab(0); });
    measure("results page: choose the cycle again (load + grid filled)", [&] { results_page()->show_cycle(cycle); });

    const exemplar::gui::ResultsView* view = results_page()->view();
    const int total = static_cast<int>(*view->column_of("total"));
    const int name = static_cast<int>(*view->column_of("name"));
    const int id = static_cast<int>(*view->column_of("person_id"));
    const int department = static_cast<int>(*view->column_of("department"));
    measure("sort by 总分 (header click)", [&] { click_header(total); });
    measure("sort by 姓名 (姓氏笔画)", [&] { click_header(name); }, [&] { click_header(total); });
    measure("sort by 工号", [&] { click_header(id); }, [&] { click_header(total); });
    measure("sort by 部门", [&] { click_header(department); }, [&] { click_header(total); });
    // The search box reacts to each keystroke: a first character, then a narrower text, then cleared.
    const std::string some_id = std::get<std::string>(view->cell(view->rows() / 2, static_cast<std::size_t>(id)));
    measure("search: one character typed (王)", [&] { search("王"); }, [&] { search(""); });
    measure("search: 工号 digits typed (" + some_id.substr(0, 4) + ")", [&] { search(some_id.substr(0, 4)); }, [&] { search(""); });
    measure("search cleared (all rows back)", [&] { search(""); }, [&] { search("王"); });
    measure("filter: a department chosen", [&] { choose_department(2); }, [&] { choose_department(0); });
    measure("filter: all departments again", [&] { choose_department(0); }, [&] { choose_department(2); });

    print(stdout);
    if (options_.markdown) {
        FILE* out = std::fopen(options_.markdown->c_str(), "w");
        if (out == nullptr) throw std::runtime_error("cannot write " + options_.markdown->string());
        print(out);
        std::fclose(out);
    }
    for (const std::string& title : answerer_.unexpected) std::fprintf(stderr, "unexpected dialog: %s\n", title.c_str());
    return answerer_.unexpected.empty() ? 0 : 1;
}

void Bench::print(FILE* out) const {
    std::fprintf(out, "#### Desktop app, %s (medians of %d runs; target under 200 ms)\n\n", facts_.c_str(), options_.runs);
    std::fprintf(out, "| action | median ms | min–max ms | under 200 ms |\n|---|---:|---:|---|\n");
    for (const Sample& s : samples_) {
        const double m = median(s.ms);
        const auto [low, high] = std::minmax_element(s.ms.begin(), s.ms.end());
        std::fprintf(out, "| %s | %.1f | %.1f–%.1f | %s |\n", s.what.c_str(), m, *low, *high,
                     !s.gated ? "(part)" : m < 200 ? "yes" : "**no**");
    }
}

class BenchApp : public wxApp {
public:
    bool OnInit() override {
        exemplar::gui::init_ui();
        return true;
    }
};

int usage() {
    std::fprintf(stderr, "usage: exemplar-gui-bench DATABASE [--runs N] [--password PW] [--cycle NAME] [--markdown FILE]\n"
                         "Run under an X server, e.g. xvfb-run -a -s \"-screen 0 1280x800x24\".\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool has_value = i + 1 < argc;
        if (arg == "--runs" && has_value) {
            options.runs = std::max(1, std::atoi(argv[++i]));
        } else if (arg == "--password" && has_value) {
            options.password = argv[++i];
        } else if (arg == "--cycle" && has_value) {
            options.cycle = argv[++i];
        } else if (arg == "--markdown" && has_value) {
            options.markdown = argv[++i];
        } else if (!arg.starts_with("-") && options.db.empty()) {
            options.db = arg;
        } else {
            return usage();
        }
    }
    if (options.db.empty()) return usage();
    options.db = std::filesystem::absolute(options.db);  // MainFrame creates the parent folder of the path it opens
    if (!std::filesystem::exists(options.db)) {
        std::fprintf(stderr, "exemplar-gui-bench: no database at %s\n", options.db.c_str());
        return 1;
    }
    int wx_argc = 1;
    wxApp::SetInstance(new BenchApp);
    if (!wxEntryStart(wx_argc, argv) || !wxTheApp || !wxTheApp->CallOnInit()) {
        std::fprintf(stderr, "exemplar-gui-bench: cannot start wxWidgets (is there an X display?)\n");
        return 1;
    }
    int status = 0;
    try {
        Bench bench(options);
        status = bench.run();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "exemplar-gui-bench: %s\n", e.what());
        status = 1;
    }
    wxTheApp->OnExit();
    wxEntryCleanup();
    return status;
}
