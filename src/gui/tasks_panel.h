// The signed-in person's tasks (self-review, head evaluations, the peer
// ballot as one row) with status and progress. A head also sees the
// completion of their department per person (never anyone's answers) and,
// once the cycle is closed, the results of the people of their own
// department (totals, ranks, grades, flags; never a rater's answers).
// Window names for tests: "tasks", "open", "sign_out", "department",
// "department_results".
#pragma once

#include <vector>

#include <wx/panel.h>

#include "core/answer_sheet.h"
#include "gui/navigator.h"
#include "gui/session.h"

class wxListCtrl;

namespace exemplar::gui {

class TasksPanel : public wxPanel {
public:
    TasksPanel(wxWindow* parent, Session& session, Navigator& navigator);

    // One row per listed task: the peer ballot is the first peer task.
    const std::vector<Task>& rows() const { return rows_; }
    void open(std::size_t row);

private:
    void add_department_list(wxSizer* sizer);
    void add_department_results(wxSizer* sizer);

    Session& session_;
    Navigator& navigator_;
    std::vector<Task> rows_;
    wxListCtrl* list_ = nullptr;
};

// "Not started", "Draft", "Submitted" (submitted in the app: locked).
wxString status_text(AssignmentStatus status, bool locked);

}  // namespace exemplar::gui
