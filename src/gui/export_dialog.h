// Exports of a cycle's results through the core writers — the report
// workbook, the report cards, the HR导入 CSV and the offline questionnaires —
// run on a worker thread behind a progress dialog, so the window keeps
// painting. The core reports progress through a ProgressObserver that posts
// to the dialog (CallAfter); Cancel makes the next progress() return false,
// the core throws Cancelled and its AtomicFile leaves no half-written file.
//   if (auto job = ShowExportDialog(this, report->cycle.name))
//       StartExport(this, report, session.db_path, *job, [](const ExportOutcome& o) { … });
// Window names for tests: "export_kind", "export_target" (the choice dialog);
// "export_progress", "export_step", "export_gauge", "export_cancel" (progress).
#pragma once

#include <atomic>
#include <exception>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include <wx/dialog.h>

#include "core/cycle_report.h"

class wxGauge;
class wxStaticText;
class wxButton;
class wxWindowDisabler;

namespace exemplar::gui {

enum class ExportKind { report = 0, cards = 1, hr_csv = 2, questionnaires = 3 };

struct ExportJob {
    ExportKind kind = ExportKind::report;
    std::filesystem::path target;  // a file (report, HR CSV) or a folder (cards, questionnaires)
};

struct ExportOutcome {
    enum class State { done, cancelled, failed };
    State state = State::done;
    ExportJob job;
    std::size_t files = 0;      // written (done)
    std::exception_ptr error;   // failed
};

// True for the kinds written into a folder.
bool exports_folder(ExportKind kind);

// The name suggested for a kind's file or folder inside `folder`, from the cycle's name.
std::filesystem::path suggested_target(ExportKind kind, const std::filesystem::path& folder, const std::string& cycle_name);

// Asks what to export and where. nullopt when cancelled.
std::optional<ExportJob> ShowExportDialog(wxWindow* parent, const std::string& cycle_name,
                                          ExportKind kind = ExportKind::report);

class ExportProgressDialog : public wxDialog {
public:
    using Finished = std::function<void(const ExportOutcome&)>;
    // `worker_gate`, when set, runs on the worker thread before each progress
    // report (tests hold the work there to press Cancel at a known point).
    ExportProgressDialog(wxWindow* parent, std::shared_ptr<const CycleReport> report, std::filesystem::path db_path,
                         ExportJob job, Finished finished, std::function<void()> worker_gate = {});
    ~ExportProgressDialog() override;

    // What the Cancel button does: the work stops at its next progress report.
    void cancel();
    bool cancelling() const { return cancel_.load(); }
    int permille() const { return permille_; }
    // Shows the dialog and starts the worker (StartExport calls it).
    void start();

private:
    void show_progress(const std::string& step, int permille);
    void finish(ExportOutcome outcome);

    std::shared_ptr<const CycleReport> report_;
    std::filesystem::path db_path_;
    ExportJob job_;
    Finished finished_;
    std::function<void()> gate_;
    std::atomic<bool> cancel_{false};
    std::thread worker_;
    std::unique_ptr<wxWindowDisabler> disabler_;
    wxStaticText* step_ = nullptr;
    wxGauge* gauge_ = nullptr;
    wxButton* cancel_button_ = nullptr;
    int permille_ = 0;
};

// Shows the progress dialog and starts the work; the dialog closes itself
// and calls `finished` on the UI thread when the work ends.
ExportProgressDialog* StartExport(wxWindow* parent, std::shared_ptr<const CycleReport> report,
                                  const std::filesystem::path& db_path, const ExportJob& job,
                                  ExportProgressDialog::Finished finished, std::function<void()> worker_gate = {});

}  // namespace exemplar::gui
