// The HR page after the administrator password: a notebook of HR tabs —
// cycles (hr_cycles_page.h), the roster (hr_roster_page.h), the results
// (results_page.h) and the plans — over the sign-out button. Only the first
// tab is built at sign-in: the roster is built, and the results loaded, the
// first time their tab is shown, and a plan checked when the plans tab is,
// so signing in costs no list of every person, no scoring and no YAML.
// Window names for tests: "hr_tabs", "sign_out".
#pragma once

#include <wx/panel.h>

#include "gui/navigator.h"
#include "gui/session.h"

class wxNotebook;

namespace exemplar::gui {

class HrCyclesPage;
class HrPlansPage;
class HrRosterPage;
class ResultsPage;

class HrPanel : public wxPanel {
public:
    HrPanel(wxWindow* parent, Session& session, Navigator& navigator);

    wxNotebook* tabs() const { return tabs_; }
    HrCyclesPage* cycles_page() const { return cycles_; }
    // Null until the roster tab has been shown.
    HrRosterPage* roster_page() const { return roster_; }
    ResultsPage* results_page() const { return results_; }

private:
    // Builds or loads what the tab now shown needs, the first time.
    void on_tab_shown(wxWindow* page);

    Session& session_;
    Navigator& navigator_;
    wxNotebook* tabs_ = nullptr;
    HrCyclesPage* cycles_ = nullptr;
    wxPanel* roster_tab_ = nullptr;  // holds roster_ once built
    HrRosterPage* roster_ = nullptr;
    ResultsPage* results_ = nullptr;
    HrPlansPage* plans_ = nullptr;
};

}  // namespace exemplar::gui
