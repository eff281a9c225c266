#include "core/yaml_document.h"

#include <algorithm>
#include <sstream>
#include <string_view>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>
#include <yaml-cpp/yaml.h>

#include "core/error.h"
#include "core/translate.h"
#include "core/utf8.h"
#include "core/yaml_messages.h"

namespace exemplar {

namespace {

std::string too_deep_message(int max_depth) {
    return tr({"嵌套层数超过 {0} 层", "nested deeper than {0} levels"}, max_depth);
}

// Control characters YAML does not allow (tab, LF and CR are fine), and tabs
// in indentation, which YAML forbids and which make yaml-cpp's errors obscure.
void check_characters(const SourceText& source, std::vector<Diagnostic>& diagnostics) {
    const std::string& text = source.text();
    bool at_line_start = true;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            at_line_start = true;
            continue;
        }
        if (c == '\t' && at_line_start) {
            diagnostics.push_back(source.at(i, tr({"缩进中不能使用制表符（Tab），请改用空格",
                                                    "tab used for indentation: indent with spaces"})));
            at_line_start = false;
            continue;
        }
        if (c != ' ') at_line_start = false;
        if (is_forbidden_control(c))
            diagnostics.push_back(source.at(i, tr({"不允许的控制字符 U+{0:04X}", "control character U+{0:04X} is not allowed"}, c)));
    }
}

// Walks the event stream only, counting depth and refusing aliases, so that
// nothing is built from a document that is too deep or that could expand.
class LimitChecker final : public YAML::EventHandler {
public:
    LimitChecker(const SourceText& source, int max_depth, std::vector<Diagnostic>& diagnostics)
        : source_(source), max_depth_(max_depth), diagnostics_(diagnostics) {}

    struct TooDeep {};
    // yaml-cpp 0.7 never consumes a token it cannot place at the start of a
    // document (a ',' there: yaml-cpp issue #1040). It reports an empty
    // document and starts the next one at the same token, forever, growing
    // its memory. A document starting where the previous one started is
    // that loop: stop, and refuse the token.
    struct Stuck {
        std::size_t offset;
    };

    void OnDocumentStart(const YAML::Mark& mark) override {
        const auto offset = static_cast<std::size_t>(mark.is_null() ? 0 : mark.pos);
        if (documents_ > 0 && offset == last_document_start_) throw Stuck{offset};
        last_document_start_ = offset;
        ++documents_;
    }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
        diagnostics_.push_back(source_.at(static_cast<std::size_t>(mark.pos),
                                          tr({"不支持 YAML 别名（*名称），请直接写出内容",
                                              "YAML aliases (*name) are not supported: write the content out"})));
    }
    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t, const std::string& value) override {
        if (tag == "!" && !mark.is_null()) check_quote_closed(static_cast<std::size_t>(mark.pos));
        // Escapes such as "\x01" in quotes make the same control characters the raw text may not hold.
        for (const char c : value) {
            const auto byte = static_cast<unsigned char>(c);
            if (is_forbidden_control(byte)) {
                diagnostics_.push_back(source_.at(mark.is_null() ? 0 : static_cast<std::size_t>(mark.pos),
                                                  tr({"不允许的控制字符 U+{0:04X}", "control character U+{0:04X} is not allowed"}, byte)));
                break;
            }
        }
    }
    void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                         YAML::EmitterStyle::value) override {
        enter();
    }
    void OnSequenceEnd() override { --depth_; }
    void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
        enter();
    }
    void OnMapEnd() override { --depth_; }

    int documents() const { return documents_; }

private:
    // yaml-cpp 0.7 takes the rest of the file as the text of a quote that is
    // never closed; find its end ourselves and refuse when there is none.
    void check_quote_closed(std::size_t offset) {
        const std::string& text = source_.text();
        if (offset >= text.size() || (text[offset] != '"' && text[offset] != '\'')) return;
        const char quote = text[offset];
        for (std::size_t i = offset + 1; i < text.size(); ++i) {
            if (quote == '"' && text[i] == '\\') {
                ++i;
                continue;
            }
            if (text[i] != quote) continue;
            if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
                ++i;
                continue;
            }
            return;
        }
        diagnostics_.push_back(source_.at(offset, tr({"YAML 语法错误：引号没有闭合", "YAML syntax error: a quoted text is not closed"})));
    }

    void enter() {
        if (++depth_ > max_depth_) throw TooDeep{};
    }
    const SourceText& source_;
    int max_depth_;
    std::vector<Diagnostic>& diagnostics_;
    int depth_ = 0;
    int documents_ = 0;
    std::size_t last_document_start_ = 0;
};

Diagnostic syntax_error(const SourceText& source, const YAML::Exception& error) {
    const std::size_t offset = error.mark.is_null() ? 0 : static_cast<std::size_t>(error.mark.pos);
    return source.at(offset, tr({"YAML 语法错误：{0}", "YAML syntax error: {0}"}, describe_yaml_error(error.msg)));
}

}  // namespace

std::optional<YamlDocument> YamlDocument::parse(std::string display_name, std::string text,
                                                std::vector<Diagnostic>& diagnostics,
                                                const YamlLimits& limits) {
    const auto refuse_at_start = [&](std::string message) {
        diagnostics.push_back(Diagnostic{display_name, 1, 1, {}, std::move(message)});
        return std::nullopt;
    };
    if (text.size() > limits.max_bytes)
        return refuse_at_start(tr({"文件过大（{0} 字节，上限 {1} 字节）", "the file is too large ({0} bytes; the limit is {1})"},
                                  text.size(), limits.max_bytes));
    if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
    SourceText source(display_name, std::move(text));
    if (const auto problem = find_encoding_problem(source.text())) {
        diagnostics.push_back(source.at(problem->offset, problem->message));
        return std::nullopt;
    }
    const std::size_t before = diagnostics.size();
    check_characters(source, diagnostics);
    if (diagnostics.size() != before) return std::nullopt;

    try {
        std::istringstream in(source.text());
        YAML::Parser parser(in);
        LimitChecker checker(source, limits.max_depth, diagnostics);
        while (parser.HandleNextDocument(checker)) {
        }
        if (diagnostics.size() != before) return std::nullopt;
        if (checker.documents() > 1)
            return refuse_at_start(tr({"文件只能包含一个 YAML 文档（发现了 ---）",
                                       "the file must hold one YAML document (found ---)"}));
    } catch (const LimitChecker::Stuck& stuck) {
        // The character there (the text is valid UTF-8: one lead byte and its continuation bytes).
        const std::string_view rest = std::string_view(source.text()).substr(std::min(stuck.offset, source.text().size()));
        std::size_t length = rest.empty() ? 0 : 1;
        while (length < rest.size() && (static_cast<unsigned char>(rest[length]) & 0xC0) == 0x80) ++length;
        const std::string token(rest.substr(0, length));
        diagnostics.push_back(source.at(stuck.offset, tr({"YAML 语法错误：这里不能出现“{0}”", "YAML syntax error: '{0}' cannot stand here"}, token)));
        return std::nullopt;
    } catch (const LimitChecker::TooDeep&) {
        return refuse_at_start(too_deep_message(limits.max_depth));
    } catch (const YAML::DeepRecursion&) {
        return refuse_at_start(too_deep_message(limits.max_depth));
    } catch (const YAML::Exception& error) {
        diagnostics.push_back(syntax_error(source, error));
        return std::nullopt;
    }

    try {
        YAML::Node root = YAML::Load(source.text());
        return YamlDocument(std::move(source), std::move(root));
    } catch (const YAML::Exception& error) {
        diagnostics.push_back(syntax_error(source, error));
        return std::nullopt;
    }
}

std::optional<YamlDocument> YamlDocument::read_file(const std::filesystem::path& path,
                                                    std::vector<Diagnostic>& diagnostics,
                                                    const YamlLimits& limits) {
    try {
        SourceText file = SourceText::read_file(path, limits.max_bytes);
        return parse(file.name(), file.text(), diagnostics, limits);
    } catch (const InputRefused& refused) {
        diagnostics.insert(diagnostics.end(), refused.diagnostics().begin(), refused.diagnostics().end());
        return std::nullopt;
    }
}

}  // namespace exemplar
