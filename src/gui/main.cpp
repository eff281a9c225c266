// exemplar-gui: the desktop app (see app.h).
#include "gui/app.h"

wxIMPLEMENT_APP(exemplar::gui::App);
