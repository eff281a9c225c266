// How the app looks and speaks: the UI language (gettext catalogs through
// wxTranslations, kept in step with the core's exemplar::set_language) and
// the UI font (a CJK-capable face, optionally larger).
//   apply_language(Language::chinese);   // _("Sign in") → "登录"
//   frame->SetFont(ui_font());
#pragma once

#include <wx/font.h>

#include "core/translate.h"

namespace exemplar::gui {

// Installs the catalog lookup folders (build tree, installed share/locale) once.
void add_catalog_paths();

// Switches the wx catalogs and the core's messages to `language`.
void apply_language(Language language);
Language ui_language();

// Larger text scales every font of the UI by 1.3.
void set_larger_text(bool larger);
bool larger_text();

// The UI font: "Noto Sans CJK SC" when installed, else the system face;
// `step` makes it bigger (+1 ≈ 20 % larger).
wxFont ui_font(int step = 0, bool bold = false);

}  // namespace exemplar::gui
