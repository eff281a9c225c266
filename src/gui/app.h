// The wx application: picks the language and font, opens the default
// database and shows the main frame. Every exception that reaches the event
// loop becomes a dialog (error_dialog.h) and the app carries on.
#pragma once

#include <wx/app.h>

namespace exemplar::gui {

// Language from the locale, catalogs found, the core told (also used by tests).
void init_ui();

class App : public wxApp {
public:
    bool OnInit() override;
    bool OnExceptionInMainLoop() override;
    void OnUnhandledException() override;
};

}  // namespace exemplar::gui
