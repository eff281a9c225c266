#include "core/xlsx_shared_strings.h"

#include "core/translate.h"
#include "core/xlsx_xml.h"

namespace exemplar {

class SharedStringsHandler final : public XmlHandler {
public:
    SharedStringsHandler(SharedStrings& strings, std::size_t max_count, std::string part)
        : strings_(strings), max_count_(max_count), part_(std::move(part)) {}

    void start(std::string_view name, const Attributes&) override {
        if (name == "si") {
            in_item_ = true;
            item_.clear();
        } else if (in_item_ && name == "rPh") {
            ++phonetic_depth_;
        } else if (in_item_ && name == "t" && phonetic_depth_ == 0) {
            in_text_ = true;
        }
    }
    void end(std::string_view name) override {
        if (name == "t") {
            in_text_ = false;
        } else if (name == "rPh" && phonetic_depth_ > 0) {
            --phonetic_depth_;
        } else if (name == "si" && in_item_) {
            in_item_ = false;
            if (strings_.ends_.size() >= max_count_)
                throw ArchiveProblem(tr({"“{0}”中的字符串超过 {1} 个，拒绝读取", "'{0}' holds more than {1} strings: refused"},
                                        part_, max_count_));
            strings_.text_ += decode_office_escapes(std::move(item_));
            item_.clear();
            strings_.ends_.push_back(strings_.text_.size());
        }
    }
    void text(std::string_view text) override {
        if (in_text_) item_ += text;
    }

private:
    SharedStrings& strings_;
    std::size_t max_count_;
    std::string part_;
    std::string item_;
    bool in_item_ = false;
    bool in_text_ = false;
    int phonetic_depth_ = 0;
};

SharedStrings SharedStrings::read(ZipEntry part, std::size_t max_count) {
    SharedStrings strings;
    SharedStringsHandler handler(strings, max_count, part.name());
    XmlStream xml(std::move(part), handler);
    xml.parse_all();
    strings.text_.shrink_to_fit();
    strings.ends_.shrink_to_fit();
    return strings;
}

}  // namespace exemplar
