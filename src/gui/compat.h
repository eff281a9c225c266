// The one place where core strings (UTF-8 std::string) and wxString meet.
// wx does not set the C locale on GTK, so every conversion names UTF-8.
#pragma once

#include <string>
#include <string_view>

#include <wx/string.h>

namespace exemplar::gui {

inline wxString to_wx(std::string_view text) { return wxString::FromUTF8(text.data(), text.size()); }
inline std::string from_wx(const wxString& text) {
    const auto utf8 = text.utf8_str();
    return std::string(utf8.data(), utf8.length());
}

}  // namespace exemplar::gui
