#include "gui/app.h"

#include <clocale>
#include <string_view>

#include <langinfo.h>
#include <wx/image.h>

#include "core/audit_log.h"
#include "core/database_location.h"
#include "gui/appearance.h"
#include "gui/error_dialog.h"
#include "gui/main_frame.h"

namespace exemplar::gui {

void init_ui() {
    // wx turns narrow literals (our English source strings, "—", "…") into
    // wxString through the C library's character set: make it UTF-8 when the
    // environment's is not (LANG unset, GB18030, …). Messages keep LC_MESSAGES.
    if (std::string_view(nl_langinfo(CODESET)) != "UTF-8") std::setlocale(LC_CTYPE, "C.UTF-8");
    wxInitAllImageHandlers();
    apply_language(current_language());  // LC_ALL, LC_MESSAGES, LANG: zh_* → Chinese
}

bool App::OnInit() {
    if (!wxApp::OnInit()) return false;
    SetAppName("exemplar-gui");
    set_audit_program("exemplar-gui");
    init_ui();
    try {
        auto* frame = new MainFrame(default_database_path());
        frame->Show();
        SetTopWindow(frame);
        return true;
    } catch (...) {
        show_error(nullptr, std::current_exception());
        return false;
    }
}

bool App::OnExceptionInMainLoop() {
    show_error(GetTopWindow(), std::current_exception());
    return true;  // carry on: the page is still usable
}

void App::OnUnhandledException() { show_error(GetTopWindow(), std::current_exception()); }

}  // namespace exemplar::gui
