// The HR "Cycles" tab: the cycles, creating one from a plan file, closing
// one, issuing the access codes of one (saved as printable slips), and the
// selected cycle's progress per department and per person with the list of
// people still to remind (copyable). Counts only — never an answer.
// Window names for tests: "cycles", "new_cycle", "close_cycle",
// "issue_codes", "import_answers", "progress_summary", "department_progress",
// "person_progress", "reminders", "copy_reminders", "cycles_status";
// in the new-cycle dialog: "plan_file", "cycle_name", "unit_name", "deadline".
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <wx/panel.h>

#include "core/cycle_progress.h"
#include "core/cycle_store.h"
#include "gui/session.h"

class wxButton;
class wxListCtrl;
class wxListEvent;
class wxStaticText;
class wxTextCtrl;

namespace exemplar::gui {

class TaskProgressDialog;
class TextList;

class HrCyclesPage : public wxPanel {
public:
    HrCyclesPage(wxWindow* parent, Session& session);

    // Reloads the cycles, keeping (or choosing) `select` when given.
    void refresh(const std::optional<std::string>& select = std::nullopt);
    // Selects the row of the cycle named `name`; false when there is none.
    bool select_cycle(const std::string& name);
    std::optional<std::string> selected_cycle() const;

    // The button handlers (tests call them; each asks what it needs in dialogs).
    // New cycle: true when one was created.
    bool create_cycle_from_dialog();
    // Close: asks for confirmation first.
    void close_selected();
    // Issue codes: asks for confirmation and the slips file, then issue_codes_to.
    void issue_codes();
    // Issues new codes for every member of the selected cycle and saves the
    // slips to `file`; returns how many were issued.
    std::size_t issue_codes_to(const std::filesystem::path& file);

    // Import returned questionnaires or answer files: asks for the files, then
    // start_import, whose result lines are shown in a message box.
    void import_answers();
    // Imports each file on its own (a refused file changes nothing) into the
    // selected cycle, on a worker thread with its own database connection,
    // behind a progress dialog that can cancel (the files imported before stay).
    // `done` gets a result line per file on the UI thread, after the page is refreshed.
    TaskProgressDialog* start_import(const std::vector<std::filesystem::path>& files,
                                     std::function<void(const std::vector<wxString>&)> done,
                                     std::function<void()> worker_gate = {});
    // The same, here and now, on the page's own connection (tests).
    std::vector<wxString> import_answer_files(const std::vector<std::filesystem::path>& files);

    const CycleProgress& progress() const { return progress_; }
    // The reminders as copied: one unfinished person a line.
    wxString reminders_text() const;
    void copy_reminders();

private:
    void on_selected();
    void show_progress();
    void update_buttons();

    Session& session_;
    std::vector<CycleSummary> cycles_;
    bool refreshing_ = false;  // selection events while the list is rebuilt: shown once at the end
    CycleProgress progress_;
    wxListCtrl* list_ = nullptr;
    wxButton* new_button_ = nullptr;
    wxButton* close_button_ = nullptr;
    wxButton* codes_button_ = nullptr;
    wxButton* import_button_ = nullptr;
    wxButton* copy_button_ = nullptr;
    wxStaticText* summary_ = nullptr;
    wxStaticText* status_ = nullptr;
    TextList* departments_ = nullptr;
    TextList* people_ = nullptr;
    wxTextCtrl* reminders_ = nullptr;
};

}  // namespace exemplar::gui
