#include "gui/task_dialog.h"

#include <algorithm>
#include <string_view>
#include <utility>

#include <wx/button.h>
#include <wx/gauge.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/utils.h>

#include "core/error.h"
#include "gui/appearance.h"
#include "gui/compat.h"

namespace exemplar::gui {
namespace {

// Posts each step to the dialog (only when the shown value changes) and
// answers whether to go on.
class PostingObserver : public ProgressObserver {
public:
    PostingObserver(wxEvtHandler& dialog, const std::atomic<bool>& cancel, const std::function<void()>& gate,
                    std::function<void(std::string, int)> show)
        : dialog_(dialog), cancel_(cancel), gate_(gate), show_(std::move(show)) {}

    bool progress(std::string_view step, double done, double total) override {
        if (gate_) gate_();
        const int permille = total > 0 ? std::clamp(static_cast<int>(1000 * done / total), 0, 1000) : 0;
        if (permille != last_permille_ || step != last_step_) {
            last_permille_ = permille;
            last_step_ = std::string(step);
            dialog_.CallAfter([show = show_, text = last_step_, permille] { show(text, permille); });
        }
        return !cancel_.load();
    }

private:
    wxEvtHandler& dialog_;
    const std::atomic<bool>& cancel_;
    const std::function<void()>& gate_;
    std::function<void(std::string, int)> show_;
    int last_permille_ = -1;
    std::string last_step_;
};

}  // namespace

TaskProgressDialog::TaskProgressDialog(wxWindow* parent, const TaskLabels& labels, Work work, Finished finished,
                                       std::function<void()> worker_gate)
    : wxDialog(parent, wxID_ANY, labels.title), work_(std::move(work)), finished_(std::move(finished)), gate_(std::move(worker_gate)) {
    SetName(labels.name_prefix + "_progress");
    SetFont(ui_font());
    const int gap = FromDIP(14);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(new wxStaticText(this, wxID_ANY, labels.what), 0, wxALL, gap);
    step_ = new wxStaticText(this, wxID_ANY, _("Starting…"));
    step_->SetName(labels.name_prefix + "_step");
    step_->SetForegroundColour(wxColour(0x60, 0x60, 0x60));
    sizer->Add(step_, 0, wxLEFT | wxRIGHT, gap);
    gauge_ = new wxGauge(this, wxID_ANY, 1000, wxDefaultPosition, FromDIP(wxSize(460, -1)));
    gauge_->SetName(labels.name_prefix + "_gauge");
    sizer->Add(gauge_, 0, wxEXPAND | wxALL, gap);
    cancel_button_ = new wxButton(this, wxID_CANCEL, _("&Cancel"));
    cancel_button_->SetName(labels.name_prefix + "_cancel");
    sizer->Add(cancel_button_, 0, wxALIGN_RIGHT | wxLEFT | wxRIGHT | wxBOTTOM, gap);
    SetSizerAndFit(sizer);
    CentreOnParent();
    Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { cancel(); }, wxID_CANCEL);
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent& event) {
        if (worker_.joinable() && event.CanVeto()) {
            cancel();
            event.Veto();
            return;
        }
        event.Skip();
    });
}

TaskProgressDialog::~TaskProgressDialog() {
    cancel_ = true;
    if (worker_.joinable()) worker_.join();
}

void TaskProgressDialog::cancel() {
    if (cancel_.exchange(true)) return;
    cancel_button_->Disable();
    step_->SetLabel(_("Cancelling…"));
}

void TaskProgressDialog::start() {
    Show();
    Raise();
    disabler_ = std::make_unique<wxWindowDisabler>(this);
    worker_ = std::thread([this] {
        TaskOutcome outcome;
        PostingObserver observer(*this, cancel_, gate_, [this](const std::string& step, int permille) { show_progress(step, permille); });
        try {
            work_(observer);
        } catch (const Cancelled&) {
            outcome.state = TaskOutcome::State::cancelled;
        } catch (...) {
            outcome.state = TaskOutcome::State::failed;
            outcome.error = std::current_exception();
        }
        CallAfter([this, outcome] { finish(outcome); });
    });
}

void TaskProgressDialog::show_progress(const std::string& step, int permille) {
    permille_ = permille;
    gauge_->SetValue(permille);
    if (!cancel_ && !step.empty()) step_->SetLabel(to_wx(step));
}

void TaskProgressDialog::finish(TaskOutcome outcome) {
    if (worker_.joinable()) worker_.join();
    disabler_.reset();
    Finished finished = std::move(finished_);
    Hide();
    Destroy();
    if (finished) finished(outcome);
}

TaskProgressDialog* StartTask(wxWindow* parent, const TaskLabels& labels, TaskProgressDialog::Work work,
                              TaskProgressDialog::Finished finished, std::function<void()> worker_gate) {
    auto* dialog = new TaskProgressDialog(parent, labels, std::move(work), std::move(finished), std::move(worker_gate));
    dialog->start();
    return dialog;
}

}  // namespace exemplar::gui
