// Exports of a cycle's results through the core writers — the report
// workbook, the report cards, the HR导入 CSV and the offline questionnaires —
// run on a worker thread behind a progress dialog (task_dialog.h), so the
// window keeps painting; Cancel makes the core throw Cancelled and its
// AtomicFile leaves no half-written file.
//   if (auto job = ShowExportDialog(this, report->cycle.name))
//       StartExport(this, report, session.db_path, *job, [](const ExportOutcome& o) { … });
// Window names for tests: "export_kind", "export_target" (the choice dialog);
// "export_progress", "export_step", "export_gauge", "export_cancel" (progress).
#pragma once

#include <exception>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/cycle_report.h"
#include "gui/task_dialog.h"

namespace exemplar::gui {

enum class ExportKind { report = 0, cards = 1, hr_csv = 2, questionnaires = 3 };

struct ExportJob {
    ExportKind kind = ExportKind::report;
    std::filesystem::path target;  // a file (report, HR CSV) or a folder (cards, questionnaires)
};

struct ExportOutcome {
    using State = TaskOutcome::State;  // how the task ended
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

// The progress dialog of an export (window names "export_progress", …).
using ExportProgressDialog = TaskProgressDialog;

// Shows the progress dialog and starts the work; the dialog closes itself
// and calls `finished` on the UI thread when the work ends.
ExportProgressDialog* StartExport(wxWindow* parent, std::shared_ptr<const CycleReport> report,
                                  const std::filesystem::path& db_path, const ExportJob& job,
                                  std::function<void(const ExportOutcome&)> finished, std::function<void()> worker_gate = {});

}  // namespace exemplar::gui
