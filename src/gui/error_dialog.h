// Exceptions become readable dialogs here, and only here: the app's event
// loop hooks call show_error, so no exception ever escapes it. An
// InputRefused lists its located diagnostics (FILE:LINE:COLUMN: why).
#pragma once

#include <exception>

#include <wx/string.h>

class wxWindow;

namespace exemplar::gui {

// The user-facing text of an exception: the headline and the details (the
// diagnostics of an InputRefused, one a line; empty otherwise).
struct ErrorText {
    wxString headline;
    wxString details;
};
ErrorText describe_exception(std::exception_ptr error);

// Shows the error as a modal dialog over `parent` (may be null). A Cancelled
// is not an error and shows nothing.
void show_error(wxWindow* parent, std::exception_ptr error);

}  // namespace exemplar::gui
