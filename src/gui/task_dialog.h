// Long work on a worker thread behind a small modal progress dialog, so the
// window keeps painting: the work gets a ProgressObserver that posts each
// step to the dialog (CallAfter) and answers false once Cancel is pressed;
// the core then throws Cancelled and leaves nothing half-done. The dialog
// closes itself and calls `finished` on the UI thread.
//   StartTask(this, {_("Importing"), what, "import"}, [=](ProgressObserver& p) { … },
//             [](const TaskOutcome& o) { … });
// Window names for tests: PREFIX "_progress", "_step", "_gauge", "_cancel".
#pragma once

#include <atomic>
#include <exception>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include <wx/dialog.h>

#include "core/progress.h"

class wxGauge;
class wxStaticText;
class wxButton;
class wxWindowDisabler;

namespace exemplar::gui {

struct TaskOutcome {
    enum class State { done, cancelled, failed };
    State state = State::done;
    std::exception_ptr error;  // failed
};

struct TaskLabels {
    wxString title;           // the dialog's title
    wxString what;            // what is being done, shown above the gauge
    std::string name_prefix;  // window names for tests
};

class TaskProgressDialog : public wxDialog {
public:
    using Work = std::function<void(ProgressObserver& progress)>;  // on the worker thread
    using Finished = std::function<void(const TaskOutcome&)>;        // on the UI thread
    // `worker_gate`, when set, runs on the worker thread before each progress
    // report (tests hold the work there to press Cancel at a known point).
    TaskProgressDialog(wxWindow* parent, const TaskLabels& labels, Work work, Finished finished,
                       std::function<void()> worker_gate = {});
    ~TaskProgressDialog() override;

    // What the Cancel button does: the work stops at its next progress report.
    void cancel();
    bool cancelling() const { return cancel_.load(); }
    int permille() const { return permille_; }
    // Shows the dialog and starts the worker (StartTask calls it).
    void start();

private:
    void show_progress(const std::string& step, int permille);
    void finish(TaskOutcome outcome);

    Work work_;
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

// Shows the progress dialog and starts the work.
TaskProgressDialog* StartTask(wxWindow* parent, const TaskLabels& labels, TaskProgressDialog::Work work,
                              TaskProgressDialog::Finished finished, std::function<void()> worker_gate = {});

}  // namespace exemplar::gui
