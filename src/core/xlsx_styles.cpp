#include "core/xlsx_styles.h"

#include <charconv>
#include <map>
#include <string>

#include "core/xlsx_xml.h"

namespace exemplar {

namespace {

bool is_builtin_date(unsigned id) {
    return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

unsigned number_attribute(const Attributes& attributes, std::string_view name) {
    const char* text = attributes.find(name);
    if (text == nullptr) return 0;
    const std::string_view value(text);
    unsigned number = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
    return error == std::errc() && end == value.data() + value.size() ? number : 0;
}

class StylesHandler final : public XmlHandler {
public:
    std::map<unsigned, std::string> formats;  // custom number formats by id
    std::vector<unsigned> cell_formats;       // the number format of each cell style

    void start(std::string_view name, const Attributes& attributes) override {
        if (name == "numFmt") {
            const char* code = attributes.find("formatCode");
            formats[number_attribute(attributes, "numFmtId")] = code != nullptr ? code : "";
        } else if (name == "cellXfs") {
            in_cell_xfs_ = true;
        } else if (name == "xf" && in_cell_xfs_) {
            cell_formats.push_back(number_attribute(attributes, "numFmtId"));
        }
    }
    void end(std::string_view name) override {
        if (name == "cellXfs") in_cell_xfs_ = false;
    }
    void text(std::string_view) override {}

private:
    bool in_cell_xfs_ = false;
};

}  // namespace

bool is_date_format(unsigned id, std::string_view code) {
    if (code.empty()) return is_builtin_date(id);
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        switch (c) {
            case '"': {  // quoted text
                const auto close = code.find('"', i + 1);
                if (close == std::string_view::npos) return false;
                i = close;
                break;
            }
            case '[': {  // colours, conditions, locales, elapsed time
                const auto close = code.find(']', i + 1);
                if (close == std::string_view::npos) return false;
                i = close;
                break;
            }
            case '\\':  // an escaped character
            case '_':   // space the width of the next character
            case '*':   // repeat the next character
                ++i;
                break;
            case 'd': case 'D': case 'm': case 'M': case 'y': case 'Y':
            case 'h': case 'H': case 's': case 'S':
                return true;
            default:
                break;
        }
    }
    return false;
}

std::vector<bool> read_date_styles(ZipEntry styles) {
    StylesHandler handler;
    XmlStream xml(std::move(styles), handler);
    xml.parse_all();
    std::vector<bool> dates;
    dates.reserve(handler.cell_formats.size());
    for (const unsigned id : handler.cell_formats) {
        const auto custom = handler.formats.find(id);
        dates.push_back(custom != handler.formats.end() ? is_date_format(id, custom->second.empty() ? "General" : custom->second)
                                                        : is_builtin_date(id));
    }
    return dates;
}

}  // namespace exemplar
