// The HR page after the administrator password: for now the cycles with
// their progress (real data from list_cycles). The HR screens of issue 5 —
// roster, plans and forms, cycles, imports, results, exports — come in the
// next increment; no button here leads nowhere.
// Window names for tests: "cycles", "sign_out".
#pragma once

#include <wx/panel.h>

#include "gui/navigator.h"
#include "gui/session.h"

namespace exemplar::gui {

class HrPanel : public wxPanel {
public:
    HrPanel(wxWindow* parent, Session& session, Navigator& navigator);

private:
    Navigator& navigator_;
};

}  // namespace exemplar::gui
