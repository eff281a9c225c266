#include "gui/appearance.h"

#include <wx/filename.h>
#include <wx/fontenum.h>
#include <wx/intl.h>
#include <wx/settings.h>
#include <wx/stdpaths.h>
#include <wx/translation.h>

#include <cmath>

namespace exemplar::gui {
namespace {

Language g_language = Language::english;
bool g_larger = false;

wxString cjk_face() {
    static const wxString face = [] {
        for (const char* name : {"Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Micro Hei", "Source Han Sans SC"})
            if (wxFontEnumerator::IsValidFacename(name)) return wxString(name);
        return wxString();
    }();
    return face;
}

}  // namespace

void add_catalog_paths() {
    static bool added = false;
    if (added) return;
    added = true;
    // Installed next to the program (relocatable archives), then the configured
    // prefix, then the build tree.
    wxFileName exe(wxStandardPaths::Get().GetExecutablePath());
    exe.RemoveLastDir();
    wxFileTranslationsLoader::AddCatalogLookupPathPrefix(exe.GetPath() + "/share/locale");
    wxFileTranslationsLoader::AddCatalogLookupPathPrefix(EXEMPLAR_GUI_INSTALL_LOCALE_DIR);
    wxFileTranslationsLoader::AddCatalogLookupPathPrefix(EXEMPLAR_GUI_BUILD_LOCALE_DIR);
}

void apply_language(Language language) {
    add_catalog_paths();
    g_language = language;
    set_language(language);
    auto* translations = new wxTranslations;
    translations->SetLanguage(language == Language::chinese ? wxLANGUAGE_CHINESE_SIMPLIFIED : wxLANGUAGE_ENGLISH_US);
    // Source strings are English: no catalog is needed (or loaded) for English.
    translations->AddCatalog("exemplar-gui", wxLANGUAGE_ENGLISH_US);
    wxTranslations::Set(translations);  // takes ownership, deletes the previous one
}

Language ui_language() { return g_language; }

void set_larger_text(bool larger) { g_larger = larger; }
bool larger_text() { return g_larger; }

wxFont ui_font(int step, bool bold) {
    wxFont font = wxSystemSettings::GetFont(wxSYS_DEFAULT_GUI_FONT);
    const double base = std::max(11.0, static_cast<double>(font.GetPointSize()));
    const double size = base * std::pow(1.2, step) * (g_larger ? 1.3 : 1.0);
    font.SetFractionalPointSize(size);
    if (const wxString face = cjk_face(); !face.empty()) font.SetFaceName(face);
    if (bold) font.SetWeight(wxFONTWEIGHT_BOLD);
    return font;
}

}  // namespace exemplar::gui
