#include "gui/main_frame.h"

#include <wx/filedlg.h>
#include <wx/menu.h>
#include <wx/sizer.h>

#include "core/schema.h"
#include "gui/appearance.h"
#include "gui/ballot_panel.h"
#include "gui/compat.h"
#include "gui/evaluation_panel.h"
#include "gui/hr_panel.h"
#include "gui/sign_in_panel.h"
#include "gui/tasks_panel.h"

namespace exemplar::gui {
namespace {

enum MenuId { id_chinese = wxID_HIGHEST + 1, id_english, id_larger };

}  // namespace

MainFrame::MainFrame(const std::filesystem::path& db_path)
    : wxFrame(nullptr, wxID_ANY, _("Exemplar — evaluation of the five exemplars"), wxDefaultPosition, wxSize(1120, 760)) {
    SetName("main_frame");
    SetSizer(new wxBoxSizer(wxVERTICAL));
    Bind(wxEVT_MENU, &MainFrame::on_new, this, wxID_NEW);
    Bind(wxEVT_MENU, &MainFrame::on_open, this, wxID_OPEN);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { apply_language(Language::chinese); CallAfter([this] { rebuild(); }); }, id_chinese);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { apply_language(Language::english); CallAfter([this] { rebuild(); }); }, id_english);
    Bind(wxEVT_MENU, [this](wxCommandEvent& event) { set_larger_text(event.IsChecked()); CallAfter([this] { rebuild(); }); }, id_larger);
    open_database(db_path, true);
    build_menus();
}

void MainFrame::build_menus() {
    auto* file = new wxMenu;
    file->Append(wxID_NEW, _("&New database…\tCtrl+N"));
    file->Append(wxID_OPEN, _("&Open database…\tCtrl+O"));
    file->AppendSeparator();
    file->Append(wxID_EXIT, _("&Quit\tCtrl+Q"));
    auto* view = new wxMenu;
    view->AppendRadioItem(id_chinese, wxString::FromUTF8("中文"));
    view->AppendRadioItem(id_english, "English");
    view->Check(ui_language() == Language::chinese ? id_chinese : id_english, true);
    view->AppendSeparator();
    view->AppendCheckItem(id_larger, _("&Larger text\tCtrl++"));
    view->Check(id_larger, larger_text());
    auto* bar = new wxMenuBar;
    bar->Append(file, _("&File"));
    bar->Append(view, _("&View"));
    wxMenuBar* old = GetMenuBar();
    SetMenuBar(bar);
    delete old;
}

void MainFrame::open_database(const std::filesystem::path& given, bool create) {
    // Kept whole: worker threads open their own connection by this path.
    const std::filesystem::path path = std::filesystem::absolute(given);
    if (create) std::filesystem::create_directories(path.parent_path());
    auto db = std::make_unique<Database>(Database::open(path, create ? Database::Mode::create : Database::Mode::existing));
    migrate(*db);
    // Only now that the new file is usable does the old one go.
    if (page_) {
        page_->Destroy();
        page_ = nullptr;
    }
    session_.sign_out();
    session_.cycle.reset();
    session_.db = std::move(db);
    session_.db_path = path;
    SetTitle(_("Exemplar — evaluation of the five exemplars") + " — " + to_wx(path.filename().string()));
    switch_to(Page::sign_in);
}

void MainFrame::rebuild() {
    SetTitle(_("Exemplar — evaluation of the five exemplars") + " — " + to_wx(session_.db_path.filename().string()));
    build_menus();
    build_page();
}

void MainFrame::switch_to(Page page, std::optional<Task> task) {
    page_kind_ = page;
    task_ = std::move(task);
    build_page();
}

void MainFrame::build_page() {
    Freeze();
    if (page_) page_->Destroy();
    SetFont(ui_font());
    switch (page_kind_) {
    case Page::sign_in: page_ = new SignInPanel(this, session_, *this); break;
    case Page::tasks: page_ = new TasksPanel(this, session_, *this); break;
    case Page::evaluation: page_ = new EvaluationPanel(this, session_, *this, *task_); break;
    case Page::ballot: page_ = new BallotPanel(this, session_, *this); break;
    case Page::hr: page_ = new HrPanel(this, session_, *this); break;
    }
    GetSizer()->Add(page_, 1, wxEXPAND);
    Layout();
    Thaw();
    page_->SetFocus();
    if (page_kind_ == Page::evaluation) static_cast<EvaluationPanel*>(page_)->focus_first();
}

// Pages call these from their own event handlers: switch once those return.
void MainFrame::show_sign_in() { CallAfter([this] { switch_to(Page::sign_in); }); }
void MainFrame::show_tasks() { CallAfter([this] { switch_to(Page::tasks); }); }
void MainFrame::show_hr() { CallAfter([this] { switch_to(Page::hr); }); }
void MainFrame::open_task(const Task& task) {
    CallAfter([this, task] { switch_to(task.relation == Relation::peer ? Page::ballot : Page::evaluation, task); });
}
void MainFrame::sign_out() {
    session_.sign_out();
    show_sign_in();
}

void MainFrame::on_new(wxCommandEvent&) {
    wxFileDialog dialog(this, _("New database"), {}, "exemplar.db", _("Exemplar databases (*.db)|*.db"),
                        wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK) return;
    const std::filesystem::path path(from_wx(dialog.GetPath()));
    // An existing file is opened as it is, never emptied.
    open_database(path, true);
}

void MainFrame::on_open(wxCommandEvent&) {
    wxFileDialog dialog(this, _("Open database"), {}, {}, _("Exemplar databases (*.db)|*.db|All files|*"),
                        wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dialog.ShowModal() != wxID_OK) return;
    open_database(std::filesystem::path(from_wx(dialog.GetPath())), false);
}

}  // namespace exemplar::gui
