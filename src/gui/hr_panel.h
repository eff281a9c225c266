// The HR page after the administrator password: a notebook of HR tabs —
// cycles (hr_cycles_page.h) and the roster (hr_roster_page.h) — over the
// sign-out button.
// Window names for tests: "hr_tabs", "sign_out".
#pragma once

#include <wx/panel.h>

#include "gui/navigator.h"
#include "gui/session.h"

class wxNotebook;

namespace exemplar::gui {

class HrCyclesPage;
class HrRosterPage;

class HrPanel : public wxPanel {
public:
    HrPanel(wxWindow* parent, Session& session, Navigator& navigator);

    wxNotebook* tabs() const { return tabs_; }
    HrCyclesPage* cycles_page() const { return cycles_; }
    HrRosterPage* roster_page() const { return roster_; }

private:
    Navigator& navigator_;
    wxNotebook* tabs_ = nullptr;
    HrCyclesPage* cycles_ = nullptr;
    HrRosterPage* roster_ = nullptr;
};

}  // namespace exemplar::gui
