#include "gui/hr_cycles_page.h"

#include <algorithm>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <wx/button.h>
#include <wx/weakref.h>
#include <wx/clipbrd.h>
#include <wx/dataobj.h>
#include <wx/dialog.h>
#include <wx/filedlg.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/utils.h>

#include "core/access_codes.h"
#include "core/answer_file_import.h"
#include "core/cycle_store.h"
#include "core/database.h"
#include "core/progress.h"
#include "core/error.h"
#include "core/data_paths.h"
#include "gui/appearance.h"
#include "gui/compat.h"
#include "gui/error_dialog.h"
#include "gui/task_dialog.h"
#include "gui/text_list.h"

namespace exemplar::gui {
namespace {

wxString percent(int done, int total) {
    return total == 0 ? wxString("—") : wxString::Format("%d%%", static_cast<int>(100.0 * done / total + 0.5));
}

wxString number(int n) { return wxString::Format("%d", n); }

// The plan file, the cycle's name, unit and deadline.
class NewCycleDialog : public wxDialog {
public:
    explicit NewCycleDialog(wxWindow* parent) : wxDialog(parent, wxID_ANY, _("New evaluation cycle")) {
        SetFont(ui_font());
        const int gap = FromDIP(10);
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        auto* intro = new wxStaticText(this, wxID_ANY,
                                       _("The cycle takes the plan, its forms and the active people of the roster as they are now; "
                                         "later changes to them do not change it."));
        intro->Wrap(FromDIP(520));
        sizer->Add(intro, 0, wxALL, gap + gap / 2);
        auto* grid = new wxFlexGridSizer(2, gap, gap);
        grid->AddGrowableCol(1);

        grid->Add(new wxStaticText(this, wxID_ANY, _("Plan file:")), 0, wxALIGN_CENTER_VERTICAL);
        auto* plan_row = new wxBoxSizer(wxHORIZONTAL);
        const std::filesystem::path plan = bundled_templates_dir() / "plans" / "annual.yaml";
        plan_ = new wxTextCtrl(this, wxID_ANY, to_wx(plan.string()), wxDefaultPosition, FromDIP(wxSize(380, -1)));
        plan_->SetName("plan_file");
        plan_row->Add(plan_, 1, wxALIGN_CENTER_VERTICAL);
        auto* browse = new wxButton(this, wxID_ANY, _("&Browse…"));
        browse->SetName("browse_plan");
        plan_row->Add(browse, 0, wxLEFT | wxALIGN_CENTER_VERTICAL, gap / 2);
        grid->Add(plan_row, 1, wxEXPAND);

        grid->Add(new wxStaticText(this, wxID_ANY, _("Name:")), 0, wxALIGN_CENTER_VERTICAL);
        name_ = new wxTextCtrl(this, wxID_ANY);
        name_->SetName("cycle_name");
        name_->SetHint(_("e.g. 2026 annual evaluation"));
        grid->Add(name_, 1, wxEXPAND);

        grid->Add(new wxStaticText(this, wxID_ANY, _("Unit:")), 0, wxALIGN_CENTER_VERTICAL);
        unit_ = new wxTextCtrl(this, wxID_ANY);
        unit_->SetName("unit_name");
        unit_->SetHint(_("optional: the top-level department when there is one"));
        grid->Add(unit_, 1, wxEXPAND);

        grid->Add(new wxStaticText(this, wxID_ANY, _("Deadline:")), 0, wxALIGN_CENTER_VERTICAL);
        deadline_ = new wxTextCtrl(this, wxID_ANY);
        deadline_->SetName("deadline");
        deadline_->SetHint(_("optional, YYYY-MM-DD"));
        grid->Add(deadline_, 1, wxEXPAND);

        sizer->Add(grid, 0, wxEXPAND | wxLEFT | wxRIGHT, gap + gap / 2);
        sizer->Add(CreateSeparatedButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, gap);
        SetSizerAndFit(sizer);
        name_->SetFocus();

        browse->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
            const std::filesystem::path current(from_wx(plan_->GetValue()));
            wxFileDialog dialog(this, _("Choose a plan"), to_wx(current.parent_path().string()), to_wx(current.filename().string()),
                                _("Plans (*.yaml)|*.yaml;*.yml|All files|*"), wxFD_OPEN | wxFD_FILE_MUST_EXIST);
            if (dialog.ShowModal() == wxID_OK) plan_->SetValue(dialog.GetPath());
        });
    }
    std::filesystem::path plan() const { return std::filesystem::path(from_wx(plan_->GetValue())); }
    std::string name() const { return from_wx(name_->GetValue().Strip(wxString::both)); }
    CycleOptions options() const {
        CycleOptions options;
        options.unit_name = from_wx(unit_->GetValue().Strip(wxString::both));
        const std::string deadline = from_wx(deadline_->GetValue().Strip(wxString::both));
        if (!deadline.empty()) options.deadline = deadline;
        return options;
    }

private:
    wxTextCtrl* plan_ = nullptr;
    wxTextCtrl* name_ = nullptr;
    wxTextCtrl* unit_ = nullptr;
    wxTextCtrl* deadline_ = nullptr;
};

// What became of each file of an import.
struct FileImports {
    std::vector<wxString> lines;  // one a file
    std::size_t imported = 0;
    std::size_t refused = 0;
};

// The progress of one file of several, as a share of them all.
class FileShare : public ProgressObserver {
public:
    FileShare(ProgressObserver& all, std::string step, std::size_t index, std::size_t files)
        : all_(all), step_(std::move(step)), index_(index), files_(files) {}
    bool progress(std::string_view, double done, double total) override {
        const double part = total > 0 ? std::clamp(done / total, 0.0, 1.0) : 0.0;
        return all_.progress(step_, static_cast<double>(index_) + part, static_cast<double>(files_));
    }

private:
    ProgressObserver& all_;
    std::string step_;
    std::size_t index_, files_;
};

// Imports the files one after another, each whole or not at all. A file that
// is refused gets a line saying why; Cancelled (from `progress`) stops
// before the file at hand changes anything.
void import_files(Database& db, const std::string& cycle_name, const std::vector<std::filesystem::path>& files,
                  ProgressObserver* progress, FileImports& result) {
    const Cycle cycle = load_cycle(db, cycle_name);
    for (std::size_t i = 0; i < files.size(); ++i) {
        const std::filesystem::path& file = files[i];
        const wxString shown = to_wx(file.filename().string());
        std::optional<FileShare> share;
        if (progress) {
            share.emplace(*progress, from_wx(wxString::Format(_("%s (%zu of %zu)"), shown, i + 1, files.size())), i, files.size());
            report_progress(&*share, {}, 0, 1);
        }
        try {
            const AnswerFileImported imported = import_answer_file(db, cycle, file, share ? &*share : nullptr);
            wxString line = wxString::Format(_("%s: imported %zu answers; %zu tasks submitted, %zu still incomplete"), shown,
                                             imported.counts.answers, imported.counts.submitted, imported.counts.incomplete);
            if (imported.questionnaire) line += wxString::Format(_(" (questionnaire of %s)"), to_wx(imported.rater));
            result.lines.push_back(line);
            ++result.imported;
        } catch (const Cancelled&) {
            throw;
        } catch (const InputRefused& refused) {
            wxString line = wxString::Format(_("%s: NOT imported (nothing changed):"), shown);
            const auto& problems = refused.diagnostics();
            for (std::size_t k = 0; k < problems.size() && k < 3; ++k) line += "\n    " + to_wx(problems[k].to_string());
            if (problems.size() > 3) line += wxString::Format(_("\n    … %zu problems in all"), problems.size());
            result.lines.push_back(line);
            ++result.refused;
        } catch (const Error& error) {
            result.lines.push_back(wxString::Format(_("%s: NOT imported: %s"), shown, to_wx(error.what())));
            ++result.refused;
        }
    }
}

wxString error_text(const std::exception_ptr& error) {
    try {
        if (error) std::rethrow_exception(error);
    } catch (const std::exception& e) {
        return to_wx(e.what());
    } catch (...) {
    }
    return _("an unexpected error");
}

wxStaticText* heading(wxWindow* parent, const wxString& text) {
    auto* label = new wxStaticText(parent, wxID_ANY, text);
    label->SetFont(ui_font(0, true));
    return label;
}

}  // namespace

HrCyclesPage::HrCyclesPage(wxWindow* parent, Session& session) : wxPanel(parent), session_(session) {
    SetName("cycles_page");
    const int gap = FromDIP(8);
    auto* outer = new wxBoxSizer(wxVERTICAL);

    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(-1, 96)), wxLC_REPORT | wxLC_SINGLE_SEL);
    list_->SetName("cycles");
    list_->AppendColumn(_("Cycle"), wxLIST_FORMAT_LEFT, FromDIP(200));
    list_->AppendColumn(_("Plan"), wxLIST_FORMAT_LEFT, FromDIP(110));
    list_->AppendColumn(_("Created"), wxLIST_FORMAT_LEFT, FromDIP(190));
    list_->AppendColumn(_("State"), wxLIST_FORMAT_LEFT, FromDIP(90));
    list_->AppendColumn(_("Members"), wxLIST_FORMAT_RIGHT, FromDIP(80));
    list_->AppendColumn(_("Submitted"), wxLIST_FORMAT_RIGHT, FromDIP(200));
    outer->Add(list_, 0, wxEXPAND | wxALL, gap);

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    new_button_ = new wxButton(this, wxID_ANY, _("&New cycle…"));
    new_button_->SetName("new_cycle");
    close_button_ = new wxButton(this, wxID_ANY, _("&Close cycle…"));
    close_button_->SetName("close_cycle");
    codes_button_ = new wxButton(this, wxID_ANY, _("&Issue access codes…"));
    codes_button_->SetName("issue_codes");
    buttons->Add(new_button_);
    buttons->Add(close_button_, 0, wxLEFT, gap);
    buttons->Add(codes_button_, 0, wxLEFT, gap);
    import_button_ = new wxButton(this, wxID_ANY, _("I&mport returned files…"));
    import_button_->SetName("import_answers");
    buttons->Add(import_button_, 0, wxLEFT, gap);
    status_ = new wxStaticText(this, wxID_ANY, {});
    status_->SetName("cycles_status");
    status_->SetForegroundColour(wxColour(0x1B, 0x5E, 0x20));
    buttons->Add(status_, 1, wxLEFT | wxALIGN_CENTER_VERTICAL, 2 * gap);
    outer->Add(buttons, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);

    summary_ = new wxStaticText(this, wxID_ANY, {});
    summary_->SetName("progress_summary");
    summary_->SetFont(ui_font(1, true));
    outer->Add(summary_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap);

    auto* columns = new wxBoxSizer(wxHORIZONTAL);
    auto* left = new wxBoxSizer(wxVERTICAL);
    left->Add(heading(this, _("By department (of the people rated)")), 0, wxBOTTOM, gap / 2);
    departments_ = new TextList(this, "department_progress");
    departments_->AppendColumn(_("Department"), wxLIST_FORMAT_LEFT, FromDIP(170));
    departments_->AppendColumn(_("People"), wxLIST_FORMAT_RIGHT, FromDIP(56));
    departments_->AppendColumn(_("Tasks"), wxLIST_FORMAT_RIGHT, FromDIP(56));
    departments_->AppendColumn(_("Submitted"), wxLIST_FORMAT_RIGHT, FromDIP(66));
    departments_->AppendColumn(_("Draft"), wxLIST_FORMAT_RIGHT, FromDIP(56));
    departments_->AppendColumn(_("Done"), wxLIST_FORMAT_RIGHT, FromDIP(60));
    left->Add(departments_, 1, wxEXPAND);
    auto* remind_row = new wxBoxSizer(wxHORIZONTAL);
    remind_row->Add(heading(this, _("Reminders: who has not finished")), 1, wxALIGN_CENTER_VERTICAL);
    copy_button_ = new wxButton(this, wxID_ANY, _("Cop&y list"));
    copy_button_->SetName("copy_reminders");
    remind_row->Add(copy_button_, 0, wxALIGN_CENTER_VERTICAL);
    left->Add(remind_row, 0, wxEXPAND | wxTOP | wxBOTTOM, gap / 2);
    reminders_ = new wxTextCtrl(this, wxID_ANY, {}, wxDefaultPosition, wxDefaultSize, wxTE_MULTILINE | wxTE_READONLY | wxTE_DONTWRAP);
    reminders_->SetName("reminders");
    left->Add(reminders_, 1, wxEXPAND);
    columns->Add(left, 5, wxEXPAND | wxRIGHT, gap);

    auto* right = new wxBoxSizer(wxVERTICAL);
    right->Add(heading(this, _("By person (tasks to do as a rater)")), 0, wxBOTTOM, gap / 2);
    people_ = new TextList(this, "person_progress");
    people_->AppendColumn(_("Name"), wxLIST_FORMAT_LEFT, FromDIP(80));
    people_->AppendColumn(_("ID"), wxLIST_FORMAT_LEFT, FromDIP(60));
    people_->AppendColumn(_("Department"), wxLIST_FORMAT_LEFT, FromDIP(160));
    people_->AppendColumn(_("Not started"), wxLIST_FORMAT_RIGHT, FromDIP(64));
    people_->AppendColumn(_("Draft"), wxLIST_FORMAT_RIGHT, FromDIP(52));
    people_->AppendColumn(_("Submitted"), wxLIST_FORMAT_RIGHT, FromDIP(64));
    right->Add(people_, 1, wxEXPAND);
    columns->Add(right, 5, wxEXPAND);
    outer->Add(columns, 1, wxEXPAND | wxALL, gap);
    SetSizer(outer);

    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) {
        if (!refreshing_) on_selected();
    });
    list_->Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent&) {
        if (!refreshing_) on_selected();
    });
    new_button_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { create_cycle_from_dialog(); });
    close_button_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { close_selected(); });
    codes_button_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { issue_codes(); });
    import_button_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { import_answers(); });
    copy_button_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { copy_reminders(); });
    refresh();
}

void HrCyclesPage::refresh(const std::optional<std::string>& select) {
    const std::optional<std::string> keep = select ? select : selected_cycle();
    // A cycle's progress is costly at 10,000 people: compute it once, after the list is rebuilt.
    {
        refreshing_ = true;
        struct Reset {
            bool& flag;
            ~Reset() { flag = false; }
        } reset{refreshing_};
        cycles_ = list_cycles(*session_.db);
        list_->DeleteAllItems();
        for (const CycleSummary& cycle : cycles_) {
            const long row = list_->GetItemCount();
            list_->InsertItem(row, to_wx(cycle.name));
            list_->SetItem(row, 1, to_wx(cycle.plan_id));
            list_->SetItem(row, 2, to_wx(cycle.created_at));
            list_->SetItem(row, 3, cycle.closed_at ? _("Closed") : _("Open"));
            list_->SetItem(row, 4, number(cycle.members));
            list_->SetItem(row, 5, wxString::Format("%d / %d  (%s)", cycle.submitted, cycle.assignments, percent(cycle.submitted, cycle.assignments)));
        }
        if (!(keep && select_cycle(*keep)) && !cycles_.empty()) select_cycle(cycles_.front().name);
    }
    on_selected();
}

bool HrCyclesPage::select_cycle(const std::string& name) {
    for (std::size_t i = 0; i < cycles_.size(); ++i) {
        if (cycles_[i].name != name) continue;
        const long row = static_cast<long>(i);
        list_->SetItemState(row, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
        list_->EnsureVisible(row);
        return true;
    }
    return false;
}

std::optional<std::string> HrCyclesPage::selected_cycle() const {
    const long row = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (row < 0 || static_cast<std::size_t>(row) >= cycles_.size()) return std::nullopt;
    return cycles_[static_cast<std::size_t>(row)].name;
}

void HrCyclesPage::on_selected() {
    show_progress();
    update_buttons();
}

void HrCyclesPage::update_buttons() {
    const auto name = selected_cycle();
    bool open = false;
    for (const CycleSummary& cycle : cycles_)
        if (name && cycle.name == *name) open = !cycle.closed_at;
    close_button_->Enable(open);
    codes_button_->Enable(open);
    import_button_->Enable(open);
    copy_button_->Enable(!unfinished_raters(progress_).empty());
}

void HrCyclesPage::show_progress() {
    progress_ = {};
    departments_->show(0, {});
    people_->show(0, {});
    const auto name = selected_cycle();
    if (!name) {
        summary_->SetLabel(cycles_.empty() ? _("No cycle yet: create one from a plan with “New cycle…”.") : wxString());
        reminders_->Clear();
        return;
    }
    const Cycle cycle = load_cycle(*session_.db, *name);
    progress_ = cycle_progress(*session_.db, cycle);
    wxString summary = wxString::Format(_("%s: %d of %d tasks submitted (%s), %d in draft, %d not started"), to_wx(cycle.name),
                                        progress_.submitted, progress_.assignments, percent(progress_.submitted, progress_.assignments),
                                        progress_.draft, progress_.assignments - progress_.submitted - progress_.draft);
    if (cycle.deadline) summary += wxString::Format(_("  ·  deadline %s"), to_wx(*cycle.deadline));
    if (cycle.closed()) summary += wxString::FromUTF8("  ·  ") + _("closed");
    summary_->SetLabel(summary);
    departments_->show(progress_.departments.size(), [this](std::size_t row, int column) {
        const DepartmentProgress& d = progress_.departments[row];
        switch (column) {
            case 0: return to_wx(d.department);
            case 1: return number(d.people);
            case 2: return number(d.assignments);
            case 3: return number(d.submitted);
            case 4: return number(d.draft);
            default: return percent(d.submitted, d.assignments);
        }
    });
    people_->show(
        progress_.raters.size(),
        [this](std::size_t row, int column) {
            const RaterProgress& r = progress_.raters[row];
            switch (column) {
                case 0: return to_wx(r.name);
                case 1: return to_wx(r.code);
                case 2: return to_wx(r.department);
                case 3: return number(r.open);
                case 4: return number(r.draft);
                default: return number(r.submitted);
            }
        },
        [this](std::size_t row) -> std::optional<wxColour> {
            if (progress_.raters[row].finished()) return wxColour(0x1B, 0x5E, 0x20);
            return std::nullopt;
        });
    reminders_->ChangeValue(reminders_text());
}

wxString HrCyclesPage::reminders_text() const {
    wxString text;
    for (const RaterProgress& r : unfinished_raters(progress_)) {
        text << wxString::Format(_("%s (%s), %s: %d of %d unfinished (%d not started, %d draft)"), to_wx(r.name), to_wx(r.code),
                                 to_wx(r.department), r.open + r.draft, r.tasks(), r.open, r.draft)
             << "\n";
    }
    return text;
}

void HrCyclesPage::copy_reminders() {
    const wxString text = reminders_text();
    if (text.empty()) return;
    wxClipboardLocker locker;
    if (!locker) {
        status_->SetLabel(_("The clipboard is busy; select the list and copy it by hand."));
        return;
    }
    wxTheClipboard->SetData(new wxTextDataObject(text));
    wxTheClipboard->Flush();
    status_->SetLabel(wxString::Format(_("Copied %zu names to the clipboard."), unfinished_raters(progress_).size()));
}

bool HrCyclesPage::create_cycle_from_dialog() {
    NewCycleDialog dialog(this);
    while (dialog.ShowModal() == wxID_OK) {
        try {
            wxBusyCursor busy;
            const CycleCreated created = create_cycle(*session_.db, dialog.name(), dialog.plan(), dialog.options());
            refresh(created.cycle.name);
            status_->SetLabel(wxString::Format(_("Created the cycle %s with %zu members."), to_wx(created.cycle.name),
                                               created.cycle.members.size()));
            return true;
        } catch (...) {
            show_error(this, std::current_exception());
        }
    }
    return false;
}

void HrCyclesPage::close_selected() {
    const auto name = selected_cycle();
    if (!name) return;
    wxMessageDialog confirm(this,
                            wxString::Format(_("Close the cycle %s?"), to_wx(*name)),
                            _("Close cycle"), wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION);
    confirm.SetExtendedMessage(_("Its answers and results no longer change: no one can answer or import into it any more."));
    if (confirm.ShowModal() != wxID_YES) return;
    close_cycle(*session_.db, *name);
    refresh(*name);
    status_->SetLabel(wxString::Format(_("The cycle %s is closed."), to_wx(*name)));
}

void HrCyclesPage::issue_codes() {
    const auto name = selected_cycle();
    if (!name) return;
    wxMessageDialog confirm(this, wxString::Format(_("Issue new access codes for everyone in %s?"), to_wx(*name)),
                            _("Issue access codes"), wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION);
    confirm.SetExtendedMessage(_("Codes issued before stop working. The new codes are shown only once, on the slips you save now."));
    if (confirm.ShowModal() != wxID_YES) return;
    wxFileDialog dialog(this, _("Save the access code slips"), {}, to_wx(*name + "-access-codes.xlsx"),
                        _("Excel workbooks (*.xlsx)|*.xlsx"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK) return;
    std::filesystem::path file(from_wx(dialog.GetPath()));
    if (file.extension() != ".xlsx") file += ".xlsx";
    issue_codes_to(file);
}

std::size_t HrCyclesPage::issue_codes_to(const std::filesystem::path& file) {
    const auto name = selected_cycle();
    if (!name) return 0;
    wxBusyCursor busy;
    const Cycle cycle = load_cycle(*session_.db, *name);
    const std::vector<IssuedCode> codes = issue_access_codes(*session_.db, cycle);
    write_access_slips(file, cycle, codes);
    status_->SetLabel(wxString::Format(_("Issued %zu access codes; the slips are in %s."), codes.size(), to_wx(file.string())));
    return codes.size();
}

void HrCyclesPage::import_answers() {
    if (!selected_cycle()) return;
    wxFileDialog dialog(this, _("Import returned questionnaires or answer files"), {}, {},
                        _("Questionnaires and answer files (*.xlsx;*.csv)|*.xlsx;*.csv"), wxFD_OPEN | wxFD_MULTIPLE | wxFD_FILE_MUST_EXIST);
    if (dialog.ShowModal() != wxID_OK) return;
    wxArrayString paths;
    dialog.GetPaths(paths);
    std::vector<std::filesystem::path> files;
    for (const wxString& path : paths) files.emplace_back(from_wx(path));
    wxWeakRef<HrCyclesPage> self(this);
    start_import(files, [self](const std::vector<wxString>& lines) {
        if (!self) return;
        wxString text;
        for (const wxString& line : lines) text += line + "\n";
        wxMessageBox(text, _("Import returned files"), wxOK | wxICON_INFORMATION, self.get());
    });
}

TaskProgressDialog* HrCyclesPage::start_import(const std::vector<std::filesystem::path>& files,
                                               std::function<void(const std::vector<wxString>&)> done,
                                               std::function<void()> worker_gate) {
    const auto name = selected_cycle();
    if (!name || files.empty()) return nullptr;
    // Filled by the worker, read once it is done.
    auto result = std::make_shared<FileImports>();
    const TaskLabels labels{_("Importing"), wxString::Format(_("Importing %zu files into %s"), files.size(), to_wx(*name)), "import"};
    wxWeakRef<HrCyclesPage> self(this);
    return StartTask(
        this, labels,
        [db_path = session_.db_path, cycle_name = *name, files, result](ProgressObserver& progress) {
            Database db = Database::open(db_path, Database::Mode::existing);
            import_files(db, cycle_name, files, &progress, *result);
        },
        [self, name, files, result, done = std::move(done)](const TaskOutcome& outcome) {
            std::vector<wxString> lines = result->lines;
            if (outcome.state == TaskOutcome::State::cancelled)
                lines.push_back(wxString::Format(_("Cancelled: the other %zu files were not imported."), files.size() - result->imported - result->refused));
            if (outcome.state == TaskOutcome::State::failed) lines.push_back(wxString::Format(_("Stopped: %s"), error_text(outcome.error)));
            if (self) {
                self->status_->SetLabel(wxString::Format(_("Imported %zu of %zu files."), result->imported, files.size()));
                self->refresh(*name);
            }
            if (done) done(lines);
        },
        std::move(worker_gate));
}

std::vector<wxString> HrCyclesPage::import_answer_files(const std::vector<std::filesystem::path>& files) {
    const auto name = selected_cycle();
    if (!name) return {};
    wxBusyCursor busy;
    FileImports result;
    import_files(*session_.db, *name, files, nullptr, result);
    status_->SetLabel(wxString::Format(_("Imported %zu of %zu files."), result.imported, files.size()));
    refresh(*name);
    return result.lines;
}

}  // namespace exemplar::gui
