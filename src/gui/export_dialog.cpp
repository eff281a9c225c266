#include "gui/export_dialog.h"

#include <algorithm>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dirdlg.h>
#include <wx/filedlg.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/stdpaths.h>
#include <wx/textctrl.h>
#include <wx/utils.h>

#include "core/error.h"
#include "core/progress.h"
#include "core/questionnaire_writer.h"
#include "core/report_template.h"
#include "core/report_workbook.h"
#include "gui/appearance.h"
#include "gui/compat.h"

namespace exemplar::gui {
namespace {

const wxColour quiet_text(0x60, 0x60, 0x60);
const wxColour red_text(0xB0, 0x1C, 0x1C);

std::string safe_file_name(const std::string& name) {
    std::string safe = name;
    for (char& c : safe)
        if (std::string_view("/\\:*?\"<>|").find(c) != std::string_view::npos || static_cast<unsigned char>(c) < 0x20) c = '_';
    return safe;
}

wxString kind_label(ExportKind kind) {
    switch (kind) {
    case ExportKind::report: return _("The report workbook (.xlsx)");
    case ExportKind::cards: return _("Report cards: one workbook per person, into a folder");
    case ExportKind::hr_csv: return _("The HR import table (.csv)");
    case ExportKind::questionnaires: return _("Offline questionnaires: one workbook per rater, into a folder");
    }
    return {};
}

// The work itself, on the worker thread: the core writers only.
std::size_t run_job(const ExportJob& job, const CycleReport& report, const std::filesystem::path& db_path,
                    ProgressObserver* progress) {
    const auto report_template = [] {
        ReportTemplateLoad loaded = load_report_template(default_report_template());
        if (!loaded.report_template) throw InputRefused(loaded.diagnostics);
        return std::move(*loaded.report_template);
    };
    if (!exports_folder(job.kind) && job.target.has_parent_path()) std::filesystem::create_directories(job.target.parent_path());
    switch (job.kind) {
    case ExportKind::report:
        write_report(job.target, report.data, report_template(), progress);
        return 1;
    case ExportKind::hr_csv:
        write_hr_csv(job.target, report.data, report_template());
        report_progress(progress, {}, 1, 1);
        return 1;
    case ExportKind::cards: return write_report_cards(job.target, report.data, report.self_comments, progress);
    case ExportKind::questionnaires: {
        const Database db = Database::open(db_path, Database::Mode::read_only);
        return write_questionnaires(db, report.cycle, job.target, std::nullopt, progress).size();
    }
    }
    return 0;
}

class ExportChoiceDialog : public wxDialog {
public:
    ExportChoiceDialog(wxWindow* parent, const std::string& cycle_name, ExportKind kind)
        : wxDialog(parent, wxID_ANY, _("Export the results")), cycle_name_(cycle_name) {
        SetFont(ui_font());
        const int gap = FromDIP(12);
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        auto* intro = new wxStaticText(this, wxID_ANY, wxString::Format(_("What to export from %s, and where:"), to_wx(cycle_name)));
        sizer->Add(intro, 0, wxALL, gap);
        auto* grid = new wxFlexGridSizer(3, FromDIP(8), FromDIP(8));
        grid->AddGrowableCol(1);
        grid->Add(new wxStaticText(this, wxID_ANY, _("Export:")), 0, wxALIGN_CENTER_VERTICAL);
        kind_ = new wxChoice(this, wxID_ANY);
        kind_->SetName("export_kind");
        for (const ExportKind k : {ExportKind::report, ExportKind::cards, ExportKind::hr_csv, ExportKind::questionnaires})
            kind_->Append(kind_label(k));
        kind_->SetSelection(static_cast<int>(kind));
        grid->Add(kind_, 1, wxEXPAND);
        grid->AddSpacer(0);
        grid->Add(new wxStaticText(this, wxID_ANY, _("Save to:")), 0, wxALIGN_CENTER_VERTICAL);
        target_ = new wxTextCtrl(this, wxID_ANY, {}, wxDefaultPosition, FromDIP(wxSize(440, -1)));
        target_->SetName("export_target");
        grid->Add(target_, 1, wxEXPAND);
        auto* browse_button = new wxButton(this, wxID_ANY, _("&Browse…"));
        grid->Add(browse_button);
        sizer->Add(grid, 0, wxEXPAND | wxLEFT | wxRIGHT, gap);
        auto* note = new wxStaticText(this, wxID_ANY,
                                      _("Files appear under their names only when complete: a cancelled export leaves no half-written file."));
        note->SetForegroundColour(quiet_text);
        note->Wrap(FromDIP(600));
        sizer->Add(note, 0, wxALL, gap);
        problem_ = new wxStaticText(this, wxID_ANY, {});
        problem_->SetName("export_problem");
        problem_->SetForegroundColour(red_text);
        sizer->Add(problem_, 0, wxLEFT | wxRIGHT, gap);
        sizer->Add(CreateSeparatedButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, FromDIP(10));
        SetSizerAndFit(sizer);

        const std::filesystem::path documents(from_wx(wxStandardPaths::Get().GetDocumentsDir()));
        target_->SetValue(to_wx(suggested_target(kind, documents, cycle_name_).string()));
        kind_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
            const std::filesystem::path current(from_wx(target_->GetValue()));
            target_->SetValue(to_wx(suggested_target(this->kind(), current.parent_path(), cycle_name_).string()));
        });
        browse_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { browse(); });
        Bind(wxEVT_BUTTON, [this](wxCommandEvent& event) {
            if (from_wx(target_->GetValue()).empty()) {
                problem_->SetLabel(_("Choose where to save first."));
                Layout();
                return;
            }
            event.Skip();
        }, wxID_OK);
    }

    ExportKind kind() const { return static_cast<ExportKind>(std::max(0, kind_->GetSelection())); }
    std::filesystem::path target() const { return std::filesystem::path(from_wx(target_->GetValue())); }

private:
    void browse() {
        const std::filesystem::path current = target();
        if (exports_folder(kind())) {
            wxDirDialog dialog(this, _("Choose the folder to create the files in"), to_wx(current.parent_path().string()));
            if (dialog.ShowModal() != wxID_OK) return;
            target_->SetValue(to_wx(suggested_target(kind(), std::filesystem::path(from_wx(dialog.GetPath())), cycle_name_).string()));
        } else {
            const wxString wildcard = kind() == ExportKind::report ? _("Excel workbooks (*.xlsx)|*.xlsx") : _("CSV files (*.csv)|*.csv");
            wxFileDialog dialog(this, _("Save as"), to_wx(current.parent_path().string()), to_wx(current.filename().string()),
                                wildcard, wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
            if (dialog.ShowModal() != wxID_OK) return;
            target_->SetValue(dialog.GetPath());
        }
    }

    std::string cycle_name_;
    wxChoice* kind_ = nullptr;
    wxTextCtrl* target_ = nullptr;
    wxStaticText* problem_ = nullptr;
};

}  // namespace

bool exports_folder(ExportKind kind) { return kind == ExportKind::cards || kind == ExportKind::questionnaires; }

std::filesystem::path suggested_target(ExportKind kind, const std::filesystem::path& folder, const std::string& cycle_name) {
    wxString name;
    switch (kind) {
    case ExportKind::report: name = wxString::Format(_("%s report.xlsx"), to_wx(cycle_name)); break;
    case ExportKind::cards: name = wxString::Format(_("%s report cards"), to_wx(cycle_name)); break;
    case ExportKind::hr_csv: name = wxString::Format(_("%s HR import.csv"), to_wx(cycle_name)); break;
    case ExportKind::questionnaires: name = wxString::Format(_("%s questionnaires"), to_wx(cycle_name)); break;
    }
    return folder / safe_file_name(from_wx(name));
}

std::optional<ExportJob> ShowExportDialog(wxWindow* parent, const std::string& cycle_name, ExportKind kind) {
    ExportChoiceDialog dialog(parent, cycle_name, kind);
    if (dialog.ShowModal() != wxID_OK) return std::nullopt;
    return ExportJob{dialog.kind(), dialog.target()};
}

ExportProgressDialog* StartExport(wxWindow* parent, std::shared_ptr<const CycleReport> report,
                                  const std::filesystem::path& db_path, const ExportJob& job,
                                  std::function<void(const ExportOutcome&)> finished, std::function<void()> worker_gate) {
    // Written by the worker, read once it is done.
    auto files = std::make_shared<std::size_t>(0);
    const TaskLabels labels{_("Exporting"), kind_label(job.kind) + "\n" + to_wx(job.target.string()), "export"};
    return StartTask(
        parent, labels,
        [report = std::move(report), db_path, job, files](ProgressObserver& progress) { *files = run_job(job, *report, db_path, &progress); },
        [job, files, finished = std::move(finished)](const TaskOutcome& task) {
            ExportOutcome outcome;
            outcome.job = job;
            outcome.files = *files;
            outcome.error = task.error;
            outcome.state = task.state;
            if (finished) finished(outcome);
        },
        std::move(worker_gate));
}

}  // namespace exemplar::gui
