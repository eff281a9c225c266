#include "gui/error_dialog.h"

#include <wx/intl.h>
#include <wx/msgdlg.h>

#include "core/error.h"
#include "gui/compat.h"

namespace exemplar::gui {

ErrorText describe_exception(std::exception_ptr error) {
    ErrorText text;
    try {
        std::rethrow_exception(error);
    } catch (const InputRefused& refused) {
        text.headline = to_wx(refused.what());
        wxString lines;
        for (const std::string& line : format_diagnostics(refused.diagnostics())) lines << to_wx(line) << "\n";
        text.details = lines.Trim();
    } catch (const std::exception& e) {
        text.headline = to_wx(e.what());
    } catch (...) {
        text.headline = _("An unexpected error happened.");
    }
    if (text.headline.empty()) text.headline = _("An unexpected error happened.");
    return text;
}

void show_error(wxWindow* parent, std::exception_ptr error) {
    try {
        std::rethrow_exception(error);
    } catch (const Cancelled&) {
        return;
    } catch (...) {
    }
    const ErrorText text = describe_exception(error);
    wxMessageDialog dialog(parent, text.headline, _("Exemplar — error"), wxOK | wxICON_ERROR);
    if (!text.details.empty()) dialog.SetExtendedMessage(text.details);
    dialog.ShowModal();
}

}  // namespace exemplar::gui
